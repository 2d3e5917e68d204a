/**
 * Every list of the Harvest Connect API answers in this one shape. `next_cursor` is opaque: pass it back as
 * `?cursor=` to get the next page; `null` means there is no more.
 *
 * @example
 * const page: ListResponse<UnifiedUser> = await res.json();
 * if (page.next_cursor) await fetchUsers({ cursor: page.next_cursor });
 */
export interface ListResponse<T> {
  result: T[];
  next_cursor: string | null;
}

/** A single object: the same `result` key as lists, so clients unwrap one way. */
export interface ItemResponse<T> {
  result: T;
}

/** Every error of the Harvest Connect API answers in this shape, with a code from `ERROR_CODES`. */
export interface ErrorResponse<C extends string = string> {
  error: {
    code: C;
    message: string;
    /** Field-level problems of a validation error. */
    details?: Array<{ path: string; message: string }>;
  };
}

/**
 * Default and maximum page sizes of the Harvest Connect API.
 *
 * @example
 * const limit = Math.min(requested ?? PAGE_LIMITS.default, PAGE_LIMITS.max);
 */
export const PAGE_LIMITS = { default: 100, max: 1000 } as const;
