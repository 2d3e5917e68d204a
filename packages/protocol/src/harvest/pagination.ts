/** Links of Harvest's pagination envelope; absent targets are `null`. */
export interface HarvestPageLinks {
  first: string | null;
  next: string | null;
  previous: string | null;
  last: string | null;
}

/**
 * The envelope of every Harvest v2 list. The array sits under the resource's key (`users`, `time_entries`, ...;
 * `results` for reports). Under cursor pagination `page`, `next_page` and `previous_page` are null on all but
 * the first and last pages (fact sheet §3).
 */
export type HarvestPage<K extends string, T> = { [key in K]: T[] } & {
  per_page: number;
  total_pages: number;
  total_entries: number;
  next_page: number | null;
  previous_page: number | null;
  page: number | null;
  links: HarvestPageLinks;
};
