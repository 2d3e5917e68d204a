// The script-tag page loads the connect SDK's IIFE build, which is not in git: build it when it is missing or
// older than its sources (about two seconds).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../ensure.mjs';
import { startChild } from './child.mjs';

const connectDir = join(root, 'packages', 'connect');
export const iifeFile = join(connectDir, 'dist', 'connect.iife.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds `packages/connect/dist/connect.iife.js` unless it is up to date.
 *
 * @example
 * await ensureConnectIife();
 */
export async function ensureConnectIife() {
  const srcDir = join(connectDir, 'src');
  const packageDir = join(root, 'packages', 'protocol', 'src');
  if (existsSync(iifeFile)) {
    const built = statSync(iifeFile).mtimeMs;
    if (built >= newestSource(srcDir) && built >= newestSource(packageDir)) return;
  }
  const vite = join(connectDir, 'node_modules', '.bin', 'vite');
  const build = startChild('build', vite, ['build', '-c', 'vite.iife.config.ts', '--logLevel', 'warn'], {
    cwd: connectDir,
  });
  const { code } = await build.exited;
  if (code !== 0) throw new Error(`building the connect script-tag bundle failed:\n${build.recent()}`);
}
