import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { harvestPathFor, harvestQueryFor, PROXY_ALLOW_LIST } from './proxy-path';

const tricky = fc.constantFrom(
  '..',
  '.',
  '%2e',
  '%2E%2e',
  '%2f',
  '%5c',
  '\\',
  '/',
  '//',
  '%00',
  '%0d%0a',
  ':',
  '@',
  '?',
  '#',
  '%25',
  'http:',
  '\u0000',
  '\u202e',
  ' ',
);

describe('proxy path checks (properties)', () => {
  it('either refuses a path with a 4xx code or returns a plain /v2 path of an allow-listed resource', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        ...Object.keys(PROXY_ALLOW_LIST),
        'me',
        '42',
        'stop',
        'valueOf',
        '__proto__',
        'constructor',
        'toString',
      ),
      tricky,
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT'),
        fc.constantFrom('/', '', '//'),
        (parts, method, separator) => {
          const raw = parts.join(separator);
          try {
            const path = harvestPathFor(raw, method);
            expect(path).toMatch(/^\/v2(\/[A-Za-z0-9_-]+)+$/);
            expect(Object.keys(PROXY_ALLOW_LIST)).toContain(path.split('/')[2]);
            expect(new URL(path, 'https://api.harvestapp.com').origin).toBe('https://api.harvestapp.com');
          } catch (error) {
            expect(error).toBeInstanceOf(ApiError);
            expect((error as ApiError).status).toBeGreaterThanOrEqual(400);
            expect((error as ApiError).status).toBeLessThan(500);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never lets per_page past 2000, a page below 1, or a control character through', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('per_page', 'page', 'is_active', 'from'),
        fc.string({ maxLength: 20 }),
        (name, value) => {
          try {
            const out = harvestQueryFor(new URLSearchParams([[name, value]]));
            const v = out.get(name) as string;
            if (name === 'per_page') expect(Number(v)).toBeGreaterThanOrEqual(1);
            if (name === 'per_page') expect(Number(v)).toBeLessThanOrEqual(2000);
            if (name === 'page') expect(Number(v)).toBeGreaterThanOrEqual(1);
            expect([...v].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)).toBe(false);
          } catch (error) {
            expect(error).toBeInstanceOf(ApiError);
            expect((error as ApiError).status).toBe(400);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
