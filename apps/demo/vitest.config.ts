import { defineProject } from 'vitest/config';

// The demo's own backend (server/); the pages are covered by the browser journeys in e2e/.
export default defineProject({
  test: { name: 'demo', environment: 'node', include: ['server/**/*.test.ts'], testTimeout: 30_000 },
});
