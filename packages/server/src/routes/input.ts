import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { ApiError } from '../errors';

/** Largest JSON body the API reads; bigger bodies get 413 before parsing. */
export const MAX_JSON_BYTES = 16 * 1024;

/** True when `s` holds a C0 control character or DEL (null bytes included). */
export function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Caps a body while it streams in (chunked uploads included): past `maxSize` the request ends with
 * 413 `request.body_too_large` before anything parses it.
 *
 * @example
 * routes.use('*', limitBody());
 */
export function limitBody(maxSize = MAX_JSON_BYTES) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError('request.body_too_large', 'The request body is too large.');
    },
  });
}

/** A string without control characters (null bytes included) and within a length. */
export function text(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !hasControlCharacter(s), 'must not contain control characters')
    .refine(
      (s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s),
      'must be well-formed Unicode',
    );
}

/** Turns a zod failure into `request.invalid` with field details. */
export function invalid(error: z.ZodError): ApiError {
  return new ApiError('request.invalid', 'The request is invalid.', {
    details: error.issues
      .slice(0, 20)
      .map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
  });
}

/**
 * Reads and validates a JSON body: 415 for another media type, 413 past the limit, 400 for bad JSON or a
 * body the schema refuses.
 *
 * @example
 * const body = await readJson(c, z.object({ end_user_id: text(200) }));
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ApiError(
      'request.unsupported_media_type',
      'Send a JSON body with Content-Type: application/json.',
    );
  }
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_JSON_BYTES)
    throw new ApiError('request.body_too_large', 'The request body is too large.');
  const raw = await c.req.text();
  if (Buffer.byteLength(raw) > MAX_JSON_BYTES)
    throw new ApiError('request.body_too_large', 'The request body is too large.');
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new ApiError('request.invalid_json', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw invalid(parsed.error);
  return parsed.data;
}

/**
 * Reads a query parameter that must appear at most once (duplicates are refused, not silently picked).
 *
 * @example
 * const cursor = singleQuery(c, 'cursor');
 */
export function singleQuery(c: Context, name: string): string | undefined {
  const values = c.req.queries(name) ?? [];
  if (values.length > 1)
    throw new ApiError('request.invalid', `Query parameter ${name} appears more than once.`);
  return values[0];
}
