/**
 * Sandbox throughput and footprint, so later benchmarks can show the sandbox is not their bottleneck.
 *
 *   pnpm exec tsx bench/sandbox.ts            (from the repository root)
 *
 * 1. Generates `--scale large` (10,000 users, 1,000,000 time entries) and reports time, heapUsed and RSS.
 * 2. Serves it on 127.0.0.1 and measures requests per second for 100- and 2000-item pages of /v2/users and
 *    /v2/time_entries over loopback: 8 concurrent keep-alive clients, 3 seconds per case. The rate limit is
 *    widened (1 ms window) so the numbers show the sandbox, not Harvest's throttle.
 */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startSandbox } from '@harvest-connect/sandbox';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = 8;

gc();
const before = process.memoryUsage();
const t0 = performance.now();
const sandbox = await startSandbox({ port: 0, scale: 'large', seed: 'bench', rateWindowMs: 1 });
const generationMs = performance.now() - t0;
gc();
const after = process.memoryUsage();

const admin = sandbox.credentials.personal_access_tokens[0]!;
const headers = {
  Authorization: `Bearer ${admin.token}`,
  'Harvest-Account-Id': String(admin.account_id),
  'User-Agent': 'Harvest Connect bench (bench@example.com)',
};

async function measure(path: string): Promise<{ rps: number; bytes: number; items: number }> {
  const deadline = performance.now() + SECONDS * 1000;
  let done = 0;
  let bytes = 0;
  let items = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const res = await fetch(`${sandbox.url}${path}`, { headers });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      done++;
      bytes = text.length;
      items = (JSON.parse(text) as Record<string, unknown[]>)[
        path.includes('users') ? 'users' : 'time_entries'
      ]!.length;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { rps: done / ((performance.now() - started) / 1000), bytes, items };
}

const rows: Array<[string, string, string, string, string]> = [];
for (const path of [
  '/v2/users?per_page=100',
  '/v2/users?per_page=2000',
  '/v2/time_entries?per_page=100',
  '/v2/time_entries?per_page=2000',
]) {
  const r = await measure(path);
  rows.push([
    path,
    String(r.items),
    `${(r.bytes / 1024).toFixed(0)} KiB`,
    r.rps.toFixed(0),
    (r.rps * r.items).toFixed(0),
  ]);
}
// The same pages in process (no socket, no client): what the sandbox itself costs per request.
const inProcess: Array<[string, string]> = [];
for (const [path] of rows) {
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < SECONDS * 500) {
    await (await sandbox.app.request(path, { headers })).text();
    n++;
  }
  inProcess.push([path, ((performance.now() - started) / n).toFixed(1)]);
}
await sandbox.close();

console.log('\nSandbox generation (--scale large: 10,000 users, 1,000,000 time entries)');
console.log(`  time      ${(generationMs / 1000).toFixed(2)} s`);
console.log(`  heapUsed  +${mb(after.heapUsed - before.heapUsed)} (now ${mb(after.heapUsed)})`);
console.log(
  `  RSS       +${mb(after.rss - before.rss)} (now ${mb(after.rss)}); typed-array columns count as external ${mb(after.external + after.arrayBuffers)}`,
);
console.log(`\nRequests per second over loopback (${CONCURRENCY} concurrent clients, ${SECONDS} s each)`);
const widths = [34, 6, 10, 8, 10];
const line = (cells: string[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`  ${line(['path', 'items', 'body', 'req/s', 'items/s'])}`);
for (const row of rows) console.log(`  ${line(row)}`);
// Ratio against Harvest's own ceiling: 100 requests per 15 s per token.
const slowest = Math.min(...rows.map((r) => Number(r[3])));
console.log(
  `\nSlowest case vs Harvest's limit (100 req / 15 s = 6.7 req/s per token): ${(slowest / (100 / 15)).toFixed(0)}x`,
);
console.log('\nIn process (app.request, one at a time)');
for (const [path, ms] of inProcess) console.log(`  ${path.padEnd(34)}  ${ms.padStart(6)} ms/request`);
