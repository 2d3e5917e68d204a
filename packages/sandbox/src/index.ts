export type { FaultSettings, SandboxControl } from './control/control';
export { createClock, type SandboxClock } from './core/clock';
export type { PersonalTokenCredential, SandboxCredentials } from './core/credentials';
export { DEFAULT_CLIENT, type SandboxOptions } from './core/options';
export type { LoggedRequest } from './core/request-log';
export { createSandbox, type Sandbox } from './create-sandbox';
export { type StartedSandbox, startSandbox } from './start-sandbox';
export type { OAuthClient } from './store/auth-store';
export type { SandboxStore } from './store/store';
