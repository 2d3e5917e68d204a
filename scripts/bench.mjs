// Runs the benchmarks in bench/, one after the other (they share two cores, so never in parallel).
// `pnpm bench` runs them all; `pnpm bench gateway sandbox` runs the named ones. Each prints its own table of
// figures measured side by side in one run; nothing here asserts a time.
import { ensureDependencies, ensurePnpm, run } from './ensure.mjs';

const benchmarks = {
  'connect-size': 'bundle bytes of the connect SDK beside published connect SDKs',
  sandbox: 'sandbox throughput and the time and memory to generate --scale large',
  gateway: 'server overhead on the unified users list beside the sandbox directly',
  ingestion: 'pulling every time entry through the rate limiter, beside a naive client',
  'user-picker': 'UserPicker keystroke-to-paint in Chromium, virtualized beside plain',
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}

ensurePnpm();
ensureDependencies();
for (const [name, what] of Object.entries(benchmarks)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n\x1b[1m${name}\x1b[0m: ${what}`);
  run('pnpm', ['exec', 'tsx', `bench/${name}.ts`]);
}
