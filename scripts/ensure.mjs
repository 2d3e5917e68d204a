// Makes a fresh machine (Node 20 + npm only) ready: the pinned pnpm, the workspace's dependencies, and, when
// asked, Debian's Chromium for the browser tests. Each step says what it does; nothing is downloaded that a
// registry does not serve.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  .packageManager.split('@')[1]
  .split('+')[0];

function say(message) {
  console.log(`\x1b[36m›\x1b[0m ${message}`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

function version(command) {
  try {
    return execSync(`${command} --version`, { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

export function ensurePnpm() {
  if (version('pnpm') === pinned) return;
  say(`installing pnpm ${pinned} with npm (once per machine)`);
  run('npm', ['install', '--global', `pnpm@${pinned}`]);
}

export function ensureDependencies() {
  // better-sqlite3 compiles from source here (its prebuilt download is unreachable); node-gyp needs Node's
  // headers, which Debian's nodejs ships under /usr.
  const env = { ...process.env };
  if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  if (!existsSync(join(root, 'node_modules', '.modules.yaml'))) {
    say('installing dependencies (the first time compiles better-sqlite3: about two minutes)');
  }
  run('pnpm', ['install', '--frozen-lockfile', '--reporter=append-only'], { env });
}

export function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  say("Chromium is missing: installing Debian's chromium package for the browser tests");
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args) => run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args);
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', 'chromium']);
}
