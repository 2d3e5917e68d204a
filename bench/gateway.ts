/**
 * Gateway overhead benchmark: `GET /v1/unified/user-directory/users?limit=100` through the Harvest Connect
 * data API, beside `GET /v2/users?per_page=100` sent straight to the sandbox, in the same run (alternating rounds), same machine,
 * both over loopback sockets, the sandbox and the server each in its own process. Calls are spread over 40 tokens (40 integrated
 * accounts on the server side), so the 100-per-window limit is not what is measured. The server answers from
 * its 30 s directory cache (that is its design: a picker's keystrokes must not cost rate budget), so this
 * measures the gateway's own cost: authentication, filtering, mapping and serialising.
 *
 * Run: `pnpm exec tsx bench/gateway.ts [--requests 3000] [--concurrency 16] [--users 500]`.
 */
import type { HarvestAccess } from '../packages/server/src/harvest-client/token-source';
import { percentile } from './loopback';
import { spawnChild, spawnSandbox } from './sandbox-process';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const REQUESTS = arg('requests', 3000);
const CONCURRENCY = arg('concurrency', 16);
const USERS = arg('users', 500);
const TOKENS = 40;
const API_KEY = 'hc_sk_bench';
const ua = 'Harvest Connect bench (bench@example.com)';

const sandbox = await spawnSandbox({ seed: 'gateway', users: USERS, timeEntries: 1000, rateWindowMs: 1000 });
const credentials = await sandbox.credentials();
const admin = credentials.personal_access_tokens[0]!;
const accounts: Record<string, HarvestAccess> = {};
const directTokens: string[] = [];
for (let i = 0; i < TOKENS; i++) {
  const res = await fetch(`${sandbox.url}/__sandbox/tokens/issue`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity_id: admin.identity_id }),
  });
  const { access_token } = (await res.json()) as { access_token: string };
  directTokens.push(access_token);
  accounts[`acc${i}`] = { accessToken: access_token, harvestAccountId: admin.account_id, tokenId: `t${i}` };
}

const server = await spawnChild('./server-child.ts', { sandboxUrl: sandbox.url, accounts, windowMs: 1000 });

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

interface Tally {
  latencies: number[];
  seconds: number;
  count: number;
  errors: number;
}

/** A closed loop of `CONCURRENCY` callers sending `count` requests, added to `tally`. */
async function run(count: number, send: (i: number) => Promise<Response>, tally: Tally): Promise<void> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        const res = await send(i);
        await res.arrayBuffer();
        tally.latencies.push(performance.now() - t);
        if (!res.ok) tally.errors++;
      }
    }),
  );
  tally.seconds += (performance.now() - started) / 1000;
  tally.count += count;
}

function result(t: Tally): Result {
  const sorted = [...t.latencies].sort((a, b) => a - b);
  return {
    rps: t.count / t.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors: t.errors,
  };
}

const tally = (): Tally => ({ latencies: [], seconds: 0, count: 0, errors: 0 });

const direct = (i: number) =>
  fetch(`${sandbox.url}/v2/users?per_page=100`, {
    headers: {
      authorization: `Bearer ${directTokens[i % TOKENS]}`,
      'harvest-account-id': String(admin.account_id),
      'user-agent': ua,
    },
  });
const gateway = (i: number) =>
  fetch(`${server.url}/v1/unified/user-directory/users?limit=100`, {
    headers: { authorization: `Bearer ${API_KEY}`, 'harvest-connect-account': `acc${i % TOKENS}` },
  });

// Warm up both paths (connections, JIT, the server's directory cache of every account), then alternate short
// rounds so drift in the machine's load hits both paths alike.
await run(TOKENS * 2, direct, tally());
await run(TOKENS * 2, gateway, tally());
const ROUNDS = 6;
const tallies = { direct: tally(), gateway: tally() };
for (let round = 0; round < ROUNDS; round++) {
  const size = Math.ceil(REQUESTS / ROUNDS);
  if (round % 2 === 0) {
    await run(size, direct, tallies.direct);
    await run(size, gateway, tallies.gateway);
  } else {
    await run(size, gateway, tallies.gateway);
    await run(size, direct, tallies.direct);
  }
}
const results = { direct: result(tallies.direct), gateway: result(tallies.gateway) };

const row = (name: string, r: Result) => ({
  path: name,
  'req/s': r.rps.toFixed(0),
  'p50 ms': r.p50.toFixed(2),
  'p99 ms': r.p99.toFixed(2),
  errors: r.errors,
});
console.log(
  `\nGateway overhead: ${REQUESTS} requests per path, ${CONCURRENCY} concurrent, ${USERS} users, 100 per page, ${TOKENS} tokens / integrated accounts (budget 100 per 1 s window each)`,
);
console.table([
  row('direct to the sandbox (/v2/users)', results.direct),
  row('through Harvest Connect (/v1/unified/user-directory/users)', results.gateway),
]);
const ratio = results.gateway.rps / results.direct.rps;
const added = results.gateway.p99 - results.direct.p99;
console.log(
  `throughput ratio (gateway / direct): ${ratio.toFixed(2)} (target >= 0.6); p99 added: ${added.toFixed(2)} ms (target <= 5) -> ${ratio >= 0.6 && added <= 5 ? 'met' : 'NOT met'}`,
);
console.log(
  'Rounds alternate between the paths; on a shared, loaded machine the numbers move from run to run.',
);

await server.close();
await sandbox.close();
