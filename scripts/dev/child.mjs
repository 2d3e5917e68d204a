// One child process of the local stack: its output prefixed with its name, a way to wait until it answers
// HTTP, and a stop that does not leave it running.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const COLOURS = { sandbox: 35, server: 34, demo: 32, build: 33 };

/**
 * Starts `command args` with its stdout/stderr lines prefixed by `[name]`.
 *
 * @example
 * const server = startChild('server', 'node', ['server.js'], { env: { PORT: '4000' } });
 * await waitForHttp('http://127.0.0.1:4000/healthz', server);
 * await server.stop();
 */
export function startChild(name, command, args, { cwd, env, quiet = false } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tag = `\x1b[${COLOURS[name] ?? 36}m[${name}]\x1b[0m`;
  const recent = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (!quiet) console.log(`${tag} ${line}`);
    });
  }
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
  return {
    name,
    child,
    exited,
    /** The last lines it printed, for error messages. */
    recent: () => recent.join('\n'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Resolves once `url` answers (any HTTP status below 500); rejects if the child exits first or after `timeoutMs`.
 *
 * @example
 * await waitForHttp('http://127.0.0.1:4010/__sandbox/settings', sandbox);
 */
export async function waitForHttp(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let dead = null;
  void child.exited.then((r) => {
    dead = r;
  });
  while (Date.now() < deadline) {
    if (dead) {
      throw new Error(
        `${child.name} exited (${dead.code ?? dead.signal}) before answering:\n${child.recent()}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${child.name} did not answer ${url} within ${timeoutMs} ms:\n${child.recent()}`);
}
