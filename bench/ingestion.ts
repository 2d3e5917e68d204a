/**
 * Ingestion benchmark: pull every time entry of an account with 200,000 entries, (1) through the Harvest
 * Connect data API (`GET /v1/tools/time-entries`, paced by the server's limiter) and (2) with a naive client
 * that calls Harvest directly and just retries on 429. Both against the sandbox on loopback, one after the
 * other, in the same run. The rate window is shortened to 4 s (Harvest: 15 s) so the run takes about a minute;
 * the budget (100 per window per token) is Harvest's. The server counts a call from send until a window after
 * Harvest's answer, so the best it can do is window / (window + response time): shortening the window
 * without shortening the response time understates what it reaches against Harvest's real 15 s window.
 *
 * "Fraction of the ceiling" = the shortest span the limit allows for the calls made ((ceil(calls / budget) - 1)
 * windows) / the span the pull took, both measured on the sandbox's request log. Run: `pnpm exec tsx bench/ingestion.ts [--entries 200000] [--limit 250] [--window 4000]`.
 */
import type { HarvestTimeEntry, ListResponse } from '@harvest-connect/protocol';
import type { LoggedRequest } from '@harvest-connect/sandbox';
import { spawnChild, spawnSandbox } from './sandbox-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ENTRIES = arg('entries', 200_000);
const LIMIT = arg('limit', 250);
const WINDOW_MS = arg('window', 4000);
const BUDGET = 100;
const API_KEY = 'hc_sk_bench'; // the key server-child.ts accepts

console.log(
  `Seeding a sandbox with ${ENTRIES.toLocaleString('en')} time entries (rate window ${WINDOW_MS} ms)...`,
);
const sandbox = await spawnSandbox({
  seed: 'bench',
  timeEntries: ENTRIES,
  rateWindowMs: WINDOW_MS,
  requestLogLimit: 100_000,
});
const admin = (await sandbox.credentials()).personal_access_tokens[0]!;
const ua = 'Harvest Connect bench (bench@example.com)';
const direct = {
  authorization: `Bearer ${admin.token}`,
  'harvest-account-id': String(admin.account_id),
  'user-agent': ua,
};
const users = (await (await fetch(`${sandbox.url}/v2/users?per_page=2000`, { headers: direct })).json()) as {
  users: Array<{ id: number }>;
};
const userIds = users.users.map((u) => u.id);
const probe = (await (
  await fetch(`${sandbox.url}/v2/time_entries?per_page=1`, { headers: direct })
).json()) as { total_entries: number };
const TOTAL = probe.total_entries;

// The server in its own process, as in production: it shares no event loop with this load generator.
const server = await spawnChild('./server-child.ts', {
  sandboxUrl: sandbox.url,
  accounts: { acc: { accessToken: admin.token, harvestAccountId: admin.account_id, tokenId: 'admin' } },
  windowMs: WINDOW_MS,
});

interface Run {
  entries: number;
  requests: number;
  r429: number;
  spanMs: number;
  wallMs: number;
}

function summarize(log: LoggedRequest[], entries: number, wallMs: number): Run {
  const calls = log.filter((r) => r.path === '/v2/time_entries');
  const at = calls.map((r) => r.at).sort((a, b) => a - b);
  return {
    entries,
    requests: calls.filter((r) => r.status !== 429).length,
    r429: calls.filter((r) => r.status === 429).length,
    spanMs: (at.at(-1) ?? 0) - (at[0] ?? 0),
    wallMs,
  };
}

/**
 * Shards of the pull: each person's entries split into 10-day ranges back from the newest entry (the sandbox
 * spreads entries over 120 days), plus one open-ended range for anything older, so enough walkers run at
 * once to keep the budget busy to the end.
 */
function shards(newest: string): string[] {
  const day = 86_400_000;
  const end = Date.parse(`${newest}T00:00:00Z`);
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const out: string[] = [];
  for (const userId of userIds) {
    for (let k = 0; k < 12; k++)
      out.push(`user_id=${userId}&from=${iso(end - (k + 1) * 10 * day + day)}&to=${iso(end - k * 10 * day)}`);
    out.push(`user_id=${userId}&to=${iso(end - 12 * 10 * day)}`);
  }
  return out;
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

const newest = (
  (await (await fetch(`${sandbox.url}/v2/time_entries?per_page=1`, { headers: direct })).json()) as {
    time_entries: Array<{ spent_date: string }>;
  }
).time_entries[0]!.spent_date;
const SHARDS = shards(newest);
const CONCURRENCY = 48;

/** Through the server: every shard walked by following `next_cursor`. */
async function throughServer(): Promise<Run> {
  const started = Date.now();
  let entries = 0;
  await pool(SHARDS, CONCURRENCY, async (shard) => {
    let cursor: string | null = null;
    do {
      const url = `${server.url}/v1/tools/time-entries?${shard}&limit=${LIMIT}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${API_KEY}`, 'harvest-connect-account': 'acc' },
      });
      if (!res.ok) throw new Error(`server answered ${res.status}: ${await res.text()}`);
      const page = (await res.json()) as ListResponse<HarvestTimeEntry>;
      entries += page.result.length;
      cursor = page.next_cursor;
    } while (cursor);
  });
  return summarize(await sandbox.requests(), entries, Date.now() - started);
}

/** Straight to Harvest, no pacing: on a 429, sleep what Retry-After says (or 1 s) and try again. */
async function naive(): Promise<Run> {
  const started = Date.now();
  let entries = 0;
  await pool(SHARDS, CONCURRENCY, async (shard) => {
    let next: string | null = `${sandbox.url}/v2/time_entries?${shard}&per_page=${LIMIT}`;
    while (next) {
      const res = await fetch(next, { headers: direct });
      if (res.status === 429) {
        await res.body?.cancel();
        await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
        continue;
      }
      const page = (await res.json()) as { time_entries: unknown[]; links: { next: string | null } };
      entries += page.time_entries.length;
      next = page.links.next;
    }
  });
  return summarize(await sandbox.requests(), entries, Date.now() - started);
}

/**
 * The shortest span the limit allows for `n` calls (a full budget per window, the first window at once) over the
 * span the pull took: 1.0 means the pull ran exactly as fast as the rate limit lets anyone run.
 */
const fraction = (r: Run) => ((Math.ceil(r.requests / BUDGET) - 1) * WINDOW_MS) / r.spanMs;

await new Promise((r) => setTimeout(r, WINDOW_MS * 2));
await sandbox.clearRequests();
const ours = await throughServer();
await new Promise((r) => setTimeout(r, WINDOW_MS * 2));
await sandbox.clearRequests();
const theirs = await naive();

const row = (name: string, r: Run) => ({
  client: name,
  entries: r.entries,
  'requests (2xx)': r.requests,
  '429s': r.r429,
  'span s': (r.spanMs / 1000).toFixed(2),
  'req/s': ((r.requests / r.spanMs) * 1000).toFixed(1),
  'fraction of ceiling': fraction(r).toFixed(3),
  'entries/s': Math.round((r.entries / r.wallMs) * 1000),
});
console.log(
  `\nIngestion of ${TOTAL.toLocaleString('en')} entries, ${LIMIT} per page, ${SHARDS.length} shards walked ${CONCURRENCY} at a time, budget ${BUDGET} per ${WINDOW_MS} ms window (Harvest's 15 s shortened to ${WINDOW_MS / 1000} s)`,
);
console.table([row('through Harvest Connect', ours), row('naive, retries on 429', theirs)]);
console.log(
  `ratio (ours / naive) of the fraction of the ceiling: ${(fraction(ours) / fraction(theirs)).toFixed(3)}; target: ours >= 0.95 with zero 429s -> ${fraction(ours) >= 0.95 && ours.r429 === 0 ? 'met' : 'NOT met'}`,
);
if (ours.entries !== TOTAL || theirs.entries !== TOTAL)
  console.log(`WARNING: the account holds ${TOTAL} entries`);

const metricsText = await (await fetch(`${server.url}/metrics`)).text();
const stat = (name: string) => {
  const text = metricsText;
  const sum = Number(new RegExp(`${name}_sum\\{[^}]*\\} ([\\d.e-]+)`).exec(text)?.[1] ?? 0);
  const count = Number(new RegExp(`${name}_count\\{[^}]*\\} (\\d+)`).exec(text)?.[1] ?? 1);
  return ((sum / count) * 1000).toFixed(1);
};
const meanCall = Number(stat('harvest_connect_upstream_seconds'));
console.log(
  `server side: mean wait for a rate-limit slot ${stat('harvest_connect_limiter_wait_seconds')} ms, mean Harvest call ${meanCall} ms`,
);
// A slot is held from send until a window after the answer, so the steady rate cannot pass window / (window + call).
console.log(
  `with that call time the limiter's accounting allows at most ${(WINDOW_MS / (WINDOW_MS + meanCall)).toFixed(3)} of the ceiling at this window (${(15_000 / (15_000 + meanCall)).toFixed(3)} at Harvest's 15 s)`,
);
await server.close();
await sandbox.close();
