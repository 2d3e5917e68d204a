import { z } from 'zod';
import { parseClockTime } from '../core/dates';
import { HarvestError } from '../http/harvest-errors';
import { zDate, zId, zNumber, zText } from '../http/validate';
import type { ExternalReferenceRecord } from '../store/records';

const idLike = z.union([z.string().min(1).max(255), z.number().finite()]).transform(String);

/** `external_reference` input: strings or numbers accepted, strings stored (sandbox decision). */
export const externalReferenceInput = z.object({
  id: idLike,
  group_id: idLike.nullish(),
  account_id: idLike.nullish(),
  permalink: z.string().min(1).max(2048),
});

const clockTime = z.string().refine((v) => parseClockTime(v) !== null, 'is not a valid time');

const fields = {
  user_id: zId.optional(),
  project_id: zId,
  task_id: zId,
  spent_date: zDate,
  hours: zNumber
    .pipe(z.number().min(0, 'must be between 0 and 24').max(24, 'must be between 0 and 24'))
    .optional(),
  started_time: clockTime.optional(),
  ended_time: clockTime.optional(),
  notes: zText(10_000).nullish(),
  external_reference: externalReferenceInput.nullish(),
};

export const createEntrySchema = z.object(fields);
export const updateEntrySchema = z.object(fields).partial();

/** Harvest fills `service` and `service_icon_url` itself; the sandbox derives them from the permalink host. */
export function toExternalReference(input: z.output<typeof externalReferenceInput>): ExternalReferenceRecord {
  let host: string | null = null;
  try {
    host = new URL(input.permalink).host || null;
  } catch {
    host = null;
  }
  return {
    id: input.id,
    groupId: input.group_id ?? null,
    accountId: input.account_id ?? null,
    permalink: input.permalink,
    service: host,
    serviceIconUrl: host ? `https://${host}/favicon.ico` : null,
  };
}

/** The wrong create variant for the company's timer mode is a 422 (sandbox decision). */
export function checkVariant(
  timestamps: boolean,
  b: { hours?: number | undefined; started_time?: string | undefined; ended_time?: string | undefined },
): void {
  if (!timestamps && (b.started_time !== undefined || b.ended_time !== undefined)) {
    throw HarvestError.unprocessable(
      'Started time and ended time can only be used when the account tracks time via start and end times',
    );
  }
  if (timestamps && b.hours !== undefined) {
    throw HarvestError.unprocessable('Hours can only be used when the account tracks time via duration');
  }
}
