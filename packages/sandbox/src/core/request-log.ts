/** One logged request. Never the token itself: `token_id` is its stable public id. */
export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  status: number;
  token_id: string | null;
}

/** A bounded log of requests, oldest dropped first. */
export interface RequestLog {
  add(entry: LoggedRequest): void;
  list(): LoggedRequest[];
  clear(): void;
}

/**
 * @example
 * const log = createRequestLog(1000);
 * log.add({ at: 0, method: 'GET', path: '/v2/users/me', status: 200, token_id: 'pat_1' });
 */
export function createRequestLog(limit: number): RequestLog {
  let entries: LoggedRequest[] = [];
  return {
    add(entry) {
      entries.push(entry);
      if (entries.length > limit) entries = entries.slice(entries.length - limit);
    },
    list: () => [...entries],
    clear() {
      entries = [];
    },
  };
}
