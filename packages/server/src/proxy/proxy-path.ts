import { HARVEST_LIMITS } from '@harvest-connect/protocol';
import { ApiError } from '../errors';
import { hasControlCharacter } from '../routes/input';

/**
 * Harvest v2 resources the proxy passes through, with the methods allowed on each (fact sheet §5). Anything
 * else (OAuth, accounts, unknown paths) is refused before any token is read or any budget spent.
 */
export const PROXY_ALLOW_LIST: Record<string, readonly string[]> = {
  users: ['GET', 'POST', 'PATCH', 'DELETE'],
  roles: ['GET', 'POST', 'PATCH', 'DELETE'],
  clients: ['GET', 'POST', 'PATCH', 'DELETE'],
  contacts: ['GET', 'POST', 'PATCH', 'DELETE'],
  projects: ['GET', 'POST', 'PATCH', 'DELETE'],
  tasks: ['GET', 'POST', 'PATCH', 'DELETE'],
  task_assignments: ['GET'],
  user_assignments: ['GET'],
  time_entries: ['GET', 'POST', 'PATCH', 'DELETE'],
  expenses: ['GET', 'POST', 'PATCH', 'DELETE'],
  expense_categories: ['GET', 'POST', 'PATCH', 'DELETE'],
  invoices: ['GET', 'POST', 'PATCH', 'DELETE'],
  invoice_item_categories: ['GET', 'POST', 'PATCH', 'DELETE'],
  estimates: ['GET', 'POST', 'PATCH', 'DELETE'],
  estimate_item_categories: ['GET', 'POST', 'PATCH', 'DELETE'],
  company: ['GET', 'PATCH'],
  reports: ['GET'],
};

// One segment: a resource name, an id, or an action like `stop`. No dots, no percent, no backslash: every
// traversal and double-encoding trick needs one of those, so none can be spelled.
const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Checks the path after `/v1/proxy/harvest/` exactly as the caller sent it (before any decoding) and returns the
 * Harvest path (`/v2/...`) to call.
 *
 * @example
 * harvestPathFor('users/me', 'GET'); // '/v2/users/me'
 * harvestPathFor('..%2f..%2foauth2', 'GET'); // throws 400 proxy.path_not_allowed
 */
export function harvestPathFor(rawPath: string, method: string): string {
  const refuse = (why: string) =>
    new ApiError('proxy.path_not_allowed', `This proxy path is not allowed: ${why}.`);
  if (rawPath.length === 0 || rawPath.length > 512) throw refuse('empty or too long');
  const segments = rawPath.split('/');
  if (segments[0] === 'v2') segments.shift();
  if (segments.length > 8 || segments.some((s) => !SEGMENT.test(s))) {
    throw refuse('use plain segments (letters, digits, _ and -), no dots, encodings, slashes or backslashes');
  }
  const resource = segments[0] as string;
  // Own keys only: `valueOf` or `__proto__` must not find something on Object.prototype.
  const methods = Object.hasOwn(PROXY_ALLOW_LIST, resource) ? PROXY_ALLOW_LIST[resource] : undefined;
  if (!methods) throw refuse(`"${resource}" is not a proxied Harvest resource`);
  if (!methods.includes(method)) {
    throw new ApiError(
      'request.method_not_allowed',
      `${method} is not allowed on ${resource} through the proxy.`,
    );
  }
  return `/v2/${segments.join('/')}`;
}

const PARAM_NAME = /^[a-z_]{1,64}(\[\])?$/;

/**
 * Checks the query: plain parameter names, no control characters, `per_page` 1..2000 and `page` >= 1, all before
 * any rate budget is spent (Harvest would answer 422 for `per_page` > 2000, fact sheet §3).
 *
 * @example
 * harvestQueryFor(new URLSearchParams('per_page=100&is_active=true'));
 */
export function harvestQueryFor(query: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [name, value] of query) {
    if (!PARAM_NAME.test(name))
      throw new ApiError('request.invalid', `The query parameter "${name.slice(0, 40)}" is not allowed.`);
    if (value.length > 1000 || hasControlCharacter(value)) {
      throw new ApiError(
        'request.invalid',
        `The query parameter "${name}" is too long or holds control characters.`,
      );
    }
    if (
      name === 'per_page' &&
      !(/^\d{1,4}$/.test(value) && Number(value) >= 1 && Number(value) <= HARVEST_LIMITS.maxPerPage)
    ) {
      throw new ApiError('request.invalid', `per_page must be between 1 and ${HARVEST_LIMITS.maxPerPage}.`);
    }
    if (name === 'page' && !(/^\d{1,9}$/.test(value) && Number(value) >= 1)) {
      throw new ApiError('request.invalid', 'page must be a positive integer.');
    }
    out.append(name, value);
  }
  return out;
}
