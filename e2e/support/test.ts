import { test as base } from '@playwright/test';
import { STACK } from './stack';

/**
 * Playwright's `test`, with the sandbox's data regenerated (same seed, so the same people, tokens and invoices)
 * before each journey: no journey sees another's timers or payments. Each journey also has a fresh browser
 * context, hence a fresh Acme end user.
 *
 * @example
 * import { expect, test } from '../support/test';
 */
export const test = base.extend<{ freshSandbox: undefined }>({
  freshSandbox: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const res = await fetch(`${STACK.sandboxUrl}/__sandbox/reset`, { method: 'POST' });
      if (!res.ok) throw new Error(`sandbox reset: HTTP ${res.status}`);
      await use(undefined);
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
