import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'hc-react-dist-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

// What gets published (publishConfig.exports: dist/index.js, dist/index.d.ts, dist/styles.css), built for real.
it('builds the published files: ESM with peers external, types, and a standalone stylesheet', () => {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  execFileSync(
    process.execPath,
    [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: join(here, '..'),
      stdio: 'pipe',
    },
  );
  const js = readFileSync(join(outDir, 'index.js'), 'utf8');
  const imports = [...js.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
  expect(new Set(imports)).toEqual(
    new Set([
      '@harvest-connect/connect',
      '@tanstack/react-query',
      'react',
      'react-dom',
      'react/jsx-runtime',
      'zustand',
      'zustand/vanilla',
    ]),
  );
  expect(js).toContain('function TimerButton');
  expect(existsSync(join(outDir, 'index.d.ts'))).toBe(true);
  expect(readFileSync(join(outDir, 'index.d.ts'), 'utf8')).toContain('UserPicker');
  const css = readFileSync(join(outDir, 'styles.css'), 'utf8');
  expect(css).not.toContain('@import');
  expect(css).toContain('.hc-user-picker__option');
  expect(css).toContain('prefers-color-scheme: dark');
}, 120_000);
