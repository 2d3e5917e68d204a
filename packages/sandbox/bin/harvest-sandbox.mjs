#!/usr/bin/env node
// Published entry point; in this repository `pnpm sandbox` runs the TypeScript source directly.
await import('../dist/cli.js');
