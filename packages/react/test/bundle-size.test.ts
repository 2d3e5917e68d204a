import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

interface Check {
  name: string;
  passed: boolean;
  size: number;
}

// The budgets of package.json ("size-limit"), checked in every test run so CI fails when one is exceeded.
it('stays within its bundle budgets (gzip, peers excluded)', () => {
  const bin = join(dirname(createRequire(import.meta.url).resolve('size-limit/package.json')), 'bin.js');
  let out: string;
  try {
    out = execFileSync(process.execPath, [bin, '--json'], { cwd: join(here, '..'), encoding: 'utf8' });
  } catch (error) {
    // size-limit exits 1 when a budget is exceeded but still prints the JSON report.
    out = String((error as { stdout?: string }).stdout ?? '');
  }
  const checks = JSON.parse(out) as Check[];
  expect(checks.map((c) => c.name)).toEqual(['whole package (peers excluded)', 'TimerButton only']);
  for (const check of checks)
    expect({ name: check.name, size: check.size, passed: check.passed }).toMatchObject({ passed: true });
});
