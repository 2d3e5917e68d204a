/**
 * Runs a sandbox in its own process (so benchmarks measure our server, not a shared event loop) and prints
 * `{"url": ...}` on its first stdout line. Options come as one JSON argument. Ends when stdin closes.
 */
import { startSandbox } from '@harvest-connect/sandbox';

const options = JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown>;
const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', ...options });
process.stdout.write(`${JSON.stringify({ url: sandbox.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void sandbox.close().then(() => process.exit(0));
});
