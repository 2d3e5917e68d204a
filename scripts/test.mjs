// The whole test suite, from a fresh clone: lint, typecheck, bundle budgets, unit and integration tests, then
// the browser journeys. `npm test` and `.ci/run` both run this.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies, ensurePnpm, root, run } from './ensure.mjs';

ensurePnpm();
ensureDependencies();
run('pnpm', ['lint']);
run('pnpm', ['typecheck']);
// Bundle budgets are deterministic (bytes), so CI checks them; speed targets live in bench/.
run('pnpm', ['size']);
run('pnpm', ['test:unit']);
if (existsSync(join(root, 'e2e', 'playwright.config.ts'))) {
  ensureChromium();
  run('pnpm', ['--filter', '@harvest-connect/e2e', 'test']);
}
