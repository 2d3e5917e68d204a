import { parseCliArgs, USAGE } from './cli-args';
import { startSandbox } from './start-sandbox';

// `pnpm sandbox --port 4010`: serve the sandbox until SIGINT/SIGTERM.
let options: ReturnType<typeof parseCliArgs>;
try {
  options = parseCliArgs(
    process.argv.slice(2).filter((a) => a !== '--'),
    process.env,
  );
} catch (error) {
  console.error(`harvest-sandbox: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (options === 'help') {
  console.log(USAGE);
  process.exit(0);
}

const started = performance.now();
const sandbox = await startSandbox(options).catch((error: Error) => {
  console.error(`harvest-sandbox: cannot listen on ${options.host}:${options.port}: ${error.message}`);
  process.exit(1);
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const [account] = sandbox.credentials.accounts;
console.log(`Harvest sandbox ready in ${seconds}s: ${sandbox.url}`);
console.log(
  `  account ${account?.id} "${account?.name}"; credentials: ${options.control ? `${sandbox.url}/__sandbox/credentials` : '(control API off)'}`,
);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    sandbox.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
