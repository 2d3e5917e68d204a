import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../errors';

function details(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
}

/**
 * Validates the query string against a zod schema; a bad value is a 400 `request.invalid` with field details.
 * Repeated parameters are refused: `?limit=1&limit=1000` must not mean whichever a parser happens to pick.
 *
 * @example
 * const q = parseQuery(c, listUsersQuery);
 */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const all = c.req.queries();
  const flat: Record<string, string> = {};
  for (const [k, values] of Object.entries(all)) {
    // Read by the authentication middleware, not by routes.
    if (k === 'integrated_account_id') continue;
    if (values.length > 1) throw new ApiError('request.invalid', `The parameter "${k}" is repeated.`);
    const v = values[0] as string;
    if (v.length > 1000 || v.includes('\u0000'))
      throw new ApiError('request.invalid', `The parameter "${k}" is too long or holds a null byte.`);
    flat[k] = v;
  }
  const parsed = schema.safeParse(flat);
  if (!parsed.success)
    throw new ApiError('request.invalid', 'Some query parameters are invalid.', {
      details: details(parsed.error),
    });
  return parsed.data;
}

/**
 * Reads a JSON body (the body limit is enforced before this by `bodyLimit`) and validates it.
 *
 * @example
 * const body = await parseJson(c, startTimerBody);
 */
export async function parseJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type))
    throw new ApiError('request.unsupported_media_type', 'Send the body as application/json.');
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw new ApiError('request.invalid_json', 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ApiError('request.invalid', 'The body is invalid.', { details: details(parsed.error) });
  return parsed.data;
}

/**
 * A path id Harvest would accept: digits only, at most 15 (ids exceed 2^31 but stay safe integers).
 *
 * @example
 * const id = parseId(c.req.param('id'));
 */
export function parseId(value: string | undefined, name = 'id'): number {
  if (!value || !/^[1-9]\d{0,14}$/.test(value))
    throw new ApiError('request.invalid', `The ${name} must be a positive integer.`);
  return Number(value);
}
