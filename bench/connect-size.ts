/**
 * Size of `@harvest-connect/connect` beside the connect SDKs it is compared with.
 *
 *   pnpm exec tsx bench/connect-size.ts
 *
 * Builds the package (ESM + script-tag IIFE), then prints gzip level 9 sizes (node:zlib, the same measure as the
 * size-limit check in CI) of:
 * - the script-tag build `dist/connect.iife.js`: everything a plain page needs (the budget: 3,072 bytes);
 * - the ESM entry minified into one file, which is how the anchors below were measured;
 * - the ESM entry as published (not minified; the host's bundler minifies it).
 * The anchor figures are NOT measured here: they are the published numbers from ../shared/design/CONNECT-SDK.md
 * (esbuild, minified ESM, react external, gzip -9, December 2026), copied as reference values.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 3072;

/** Measured elsewhere (see the header): reference numbers only. */
const ANCHORS: ReadonlyArray<{ name: string; gzip: number; note: string }> = [
  { name: '@apideck/vault-js', gzip: 819, note: 'iframe; no origin check on messages' },
  { name: '@kombo-api/connect', gzip: 1000, note: 'iframe; checks event.source' },
  { name: '@tryfinch/react-connect', gzip: 1486, note: 'origin checked by prefix only' },
  { name: '@mergeapi/react-merge-link', gzip: 2008, note: 'real work in a remote script' },
  { name: 'react-plaid-link', gzip: 3426, note: 'real work in a remote script' },
  { name: '@nangohq/frontend', gzip: 3966, note: "posts its token with '*'" },
  { name: '@useparagon/connect', gzip: 55510, note: 'creates an iframe at import' },
  { name: '@truto/truto-link-sdk', gzip: 341763, note: 'unrelated libraries inside' },
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'packages/connect');
const gzip = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

execFileSync('pnpm', ['--filter', '@harvest-connect/connect', 'build'], { cwd: root, stdio: 'ignore' });

// The ESM entry bundled and minified on its own, with the package's own Vite (no extra dependency here).
const out = mkdtempSync(join(tmpdir(), 'connect-size-'));
const viteEntry = createRequire(join(pkg, 'package.json')).resolve('vite');
const vite = (await import(viteEntry)) as { build(config: object): Promise<unknown> };
await vite.build({
  configFile: false,
  root: pkg,
  logLevel: 'silent',
  build: {
    outDir: out,
    emptyOutDir: true,
    minify: true,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.min.js' },
  },
});

const ours = [
  { name: 'ours: script tag (IIFE, complete)', gzip: gzip(join(pkg, 'dist/connect.iife.js')) },
  { name: 'ours: ESM entry, minified', gzip: gzip(join(out, 'index.min.js')) },
  { name: 'ours: ESM entry as published', gzip: gzip(join(pkg, 'dist/index.js')) },
];
rmSync(out, { recursive: true, force: true });

const iife = ours[0]!.gzip;
console.log(
  `Script-tag budget: ${BUDGET} B gzip; used ${iife} B (${((iife / BUDGET) * 100).toFixed(1)}%).\n`,
);
console.log('| package | gzip bytes | ours (IIFE) / this | source |');
console.log('|---|---:|---:|---|');
for (const row of ours)
  console.log(`| ${row.name} | ${row.gzip} | ${(iife / row.gzip).toFixed(2)} | measured now |`);
for (const a of ANCHORS)
  console.log(`| ${a.name} | ${a.gzip} | ${(iife / a.gzip).toFixed(2)} | CONNECT-SDK.md (${a.note}) |`);
