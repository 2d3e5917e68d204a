import { ApiError } from '../errors';

/** Where the next page starts: a Harvest page number, a Harvest cursor, or an offset into a cached list. */
export type CursorPosition = { page: number } | { cursor: string } | { offset: number };

/**
 * Encodes a position as our opaque cursor (base64url JSON). Callers must treat it as opaque: its shape may change.
 *
 * @example
 * encodeCursor({ page: 2 }); // 'eyJwYWdlIjoyfQ'
 */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * Decodes a cursor from the caller, refusing anything we did not make with a 400 `request.invalid`.
 *
 * @example
 * decodeCursor(req.query('cursor')); // { page: 2 } or undefined
 */
export function decodeCursor(text: string | undefined): CursorPosition | undefined {
  if (text === undefined || text === '') return undefined;
  const invalid = () =>
    new ApiError('request.invalid', 'The cursor is not valid; pass back a next_cursor unchanged.');
  if (text.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(text)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof value !== 'object' || value === null) throw invalid();
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v);
  if (keys.length !== 1) throw invalid();
  if (Number.isSafeInteger(v.page) && (v.page as number) >= 1) return { page: v.page as number };
  if (Number.isSafeInteger(v.offset) && (v.offset as number) >= 0) return { offset: v.offset as number };
  if (typeof v.cursor === 'string' && /^[A-Za-z0-9_=-]{1,1024}$/.test(v.cursor)) return { cursor: v.cursor };
  throw invalid();
}
