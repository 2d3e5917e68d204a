import { defineConfig, devices } from '@playwright/test';
import { STACK } from './support/stack';

// Real Chromium from Debian (never a downloaded browser), one worker (the journeys share one sandbox), and the
// whole local stack (sandbox + server + demo) started fresh on test ports by scripts/dev/stack.mjs.
export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: './playwright-report' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: STACK.demoUrl,
    screenshot: { mode: 'on', fullPage: true },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node ../scripts/dev/stack.mjs',
    url: `${STACK.demoUrl}/api/health`,
    reuseExistingServer: false,
    // SIGTERM lets the stack stop its children itself; the default (SIGKILL) would skip that.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      SANDBOX_PORT: String(STACK.sandboxPort),
      SERVER_PORT: String(STACK.serverPort),
      DEMO_PORT: String(STACK.demoPort),
      STACK_DATA_DIR: 'e2e/.data',
      STACK_FRESH: '1',
      HC_LOG_LEVEL: 'warn',
    },
  },
});
