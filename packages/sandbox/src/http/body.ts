import type { Context } from 'hono';
import { HarvestError } from './harvest-errors';

/** Sets `a[b][]`-style form keys into nested objects and arrays, as Rails reads them. */
function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split(/\[|\]\[|\]/).filter((p, i) => i === 0 || p !== '' || key.endsWith('[]'));
  // Never let a form key reach an object's prototype (`__proto__[x]=1`).
  if (parts.some((p) => p === '__proto__' || p === 'constructor' || p === 'prototype')) return;
  let node: Record<string, unknown> = target;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const isLast = i === parts.length - 1;
    if (part === '' && Array.isArray(node)) {
      (node as unknown[]).push(value);
      return;
    }
    if (isLast) {
      node[part] = value;
      return;
    }
    const wantsArray = parts[i + 1] === '';
    const existing = node[part];
    if (typeof existing !== 'object' || existing === null) node[part] = wantsArray ? [] : {};
    node = node[part] as Record<string, unknown>;
  }
}

/**
 * The request body as an object: JSON, or form data (Harvest accepts both, fact sheet §1.7). Bad JSON is a
 * 400; a JSON value that is not an object is a 422.
 *
 * @example
 * const input = await readBody(c);
 */
export async function readBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  const text = await c.req.text().catch(() => '');
  if (!text.trim()) return {};
  if (type.includes('application/x-www-form-urlencoded')) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(text)) setPath(out, k, v);
    return out;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw HarvestError.badRequest('The request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw HarvestError.unprocessable('The request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
