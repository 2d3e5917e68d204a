import { type ZodType, z } from 'zod';
import { dateToDay, parseDateTime } from '../core/dates';
import { HarvestError } from './harvest-errors';

/** `first_name` -> `First name`, as Rails words its messages. */
export function humanize(field: string): string {
  const words = field.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Parses `input` with `schema` or throws Harvest's 422 with Rails-like messages joined by ", ", e.g.
 * `Project can't be blank, Spent date is not a valid date`.
 *
 * @example
 * const body = validate(createClientSchema, await readBody(c));
 */
export function validate<S extends ZodType>(schema: S, input: Record<string, unknown>): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const messages = new Set<string>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'base');
    const raw = input[field];
    const label = humanize(field);
    if (raw === undefined || raw === null || raw === '') messages.add(`${label} can't be blank`);
    else if (issue.message.startsWith('is ') || issue.message.startsWith('must '))
      messages.add(`${label} ${issue.message}`);
    else messages.add(`${label} is invalid`);
  }
  throw HarvestError.unprocessable(...messages);
}

/** A positive integer id, from JSON or form text. */
export const zId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** A decimal (JSON number or numeric text). */
export const zNumber = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)])
  .transform(Number)
  .pipe(z.number().finite());
/** A boolean, also as form text. */
export const zBool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');
/** A `YYYY-MM-DD` calendar date. */
export const zDate = z.string().refine((v) => dateToDay(v) !== null, 'is not a valid date');
/** An ISO-8601 datetime; parsed to epoch ms. */
export const zDateTime = z
  .string()
  .refine((v) => parseDateTime(v) !== null, 'is not a valid datetime')
  .transform((v) => parseDateTime(v)!);
/** A bounded free-text field. */
export const zText = (max = 5000) => z.string().max(max, 'is too long');
