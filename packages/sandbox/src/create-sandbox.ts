import type { Hono } from 'hono';
import { buildApp } from './app';
import { createControl, type SandboxControl } from './control/control';
import { createClock, type SandboxClock } from './core/clock';
import { buildCredentials, registerPersonalTokens, type SandboxCredentials } from './core/credentials';
import { createFaultState } from './core/faults';
import { resolveOptions, type SandboxOptions } from './core/options';
import { createRequestLog } from './core/request-log';
import type { SandboxEnv, SandboxRuntime } from './core/runtime';
import { seedStore } from './seed/seed-store';
import { AuthStore } from './store/auth-store';
import type { SandboxStore } from './store/store';

/** A running-in-memory Harvest: the Hono app plus handles to drive it from tests. */
export interface Sandbox {
  /** Serve with any Hono adapter, or call `app.request()` in process. */
  app: Hono<SandboxEnv>;
  /** The current data (replaced by `control.reset()`). */
  readonly store: SandboxStore;
  control: SandboxControl;
  /** The same document as `GET /__sandbox/credentials`, always current. */
  readonly credentials: SandboxCredentials;
  clock: SandboxClock;
}

/**
 * Creates a sandbox with deterministic data from `options.seed`.
 *
 * @example
 * const sandbox = createSandbox({ seed: 'test', now: Date.UTC(2025, 5, 2, 9) });
 * const [admin] = sandbox.credentials.personal_access_tokens;
 * const res = await sandbox.app.request('/v2/users/me', {
 *   headers: { Authorization: `Bearer ${admin.token}`, 'Harvest-Account-Id': String(admin.account_id), 'User-Agent': 'Test (t@example.com)' },
 * });
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const settings = resolveOptions(options);
  const clock = options.clock ?? createClock(options.now === undefined ? {} : { start: options.now });
  const auth = new AuthStore(settings.clients);
  const rt: SandboxRuntime = {
    store: seedStore({ ...settings, now: clock.now() }),
    auth,
    clock,
    settings,
    faults: createFaultState(settings.seed),
    log: createRequestLog(settings.requestLogLimit),
    buckets: new Map(),
  };
  registerPersonalTokens(rt.store, auth);
  const control = createControl(rt);
  const app = buildApp(rt, control);
  return {
    app,
    get store() {
      return rt.store;
    },
    control,
    get credentials() {
      return buildCredentials(rt.store, rt.auth);
    },
    clock,
  };
}
