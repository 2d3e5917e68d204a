import { spawnSync } from 'node:child_process';

// Three ports nothing listens on, asked of the OS in a child process (the config is read synchronously).
const FREE_PORTS = `
const net = require('node:net');
const servers = [0, 1, 2].map(() => net.createServer().listen(0, '127.0.0.1'));
Promise.all(servers.map((s) => new Promise((r) => s.once('listening', r)))).then(() => {
  process.stdout.write(JSON.stringify(servers.map((s) => s.address().port)));
  for (const s of servers) s.close();
});`;

/**
 * The test stack's ports: free ones picked once by the runner and handed to its workers through the
 * environment (they inherit it), so a second run on the same machine, or `npm start`, never collides.
 * `E2E_PORTS=sandbox,server,demo` pins them.
 */
function ports(): [number, number, number] {
  if (!process.env.E2E_PORTS) {
    const picked = spawnSync(process.execPath, ['-e', FREE_PORTS], { encoding: 'utf8' });
    if (picked.status !== 0) throw new Error(`could not pick free ports: ${picked.stderr}`);
    process.env.E2E_PORTS = (JSON.parse(picked.stdout) as number[]).join(',');
  }
  const [sandbox, server, demo] = process.env.E2E_PORTS.split(',').map(Number);
  return [sandbox!, server!, demo!];
}

const [sandboxPort, serverPort, demoPort] = ports();

/** Where the journeys' sandbox, server and demo listen. */
export const STACK = {
  sandboxPort,
  serverPort,
  demoPort,
  sandboxUrl: `http://127.0.0.1:${sandboxPort}`,
  serverUrl: `http://127.0.0.1:${serverPort}`,
  demoUrl: `http://127.0.0.1:${demoPort}`,
} as const;
