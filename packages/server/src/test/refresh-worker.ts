// A second server process for the two-process refresh test: opens the same SQLite file, waits for "go" on
// stdin, asks for the account's token `COUNT` times at once, prints the distinct tokens it got, exits.
import { createInterface } from 'node:readline';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { createServer } from '../server';

const server = createServer(loadConfig([], process.env), { log: createLogger({ level: 'silent' }) });
const accountId = process.env.ACCOUNT_ID!;
const count = Number(process.env.COUNT ?? '25');
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() !== 'go') continue;
  const results = await Promise.all(Array.from({ length: count }, () => server.tokens.get(accountId)));
  process.stdout.write(`${JSON.stringify({ tokens: [...new Set(results.map((r) => r.accessToken))] })}\n`);
  await server.close();
  process.exit(0);
}
