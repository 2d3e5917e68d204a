// The main job from a fresh clone: installs what is missing, then runs the Harvest sandbox, the Harvest
// Connect server and the Acme demo in the foreground, and prints the URL to open. Ctrl-C stops all three.
import { ensureDependencies, ensurePnpm } from './ensure.mjs';

ensurePnpm();
ensureDependencies();
const { stackConfig } = await import('./dev/config.mjs');
const { runStack } = await import('./dev/stack.mjs');
const config = stackConfig(process.env);
await runStack(config, {
  onReady: (_, ms) => {
    const line = '─'.repeat(60);
    console.log(`\n${line}`);
    console.log(`  Acme Projects (demo)     ${config.demoUrl}   <- open this`);
    console.log(
      `  Harvest Connect server   ${config.serverUrl}  (API reference: ${config.serverUrl}/reference)`,
    );
    console.log(
      `  Harvest sandbox          ${config.sandboxUrl}  (credentials: ${config.sandboxUrl}/__sandbox/credentials)`,
    );
    console.log(`  ready in ${(ms / 1000).toFixed(1)} s; data in ${config.dataDir}; Ctrl-C stops everything`);
    console.log(`${line}\n`);
  },
}).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
