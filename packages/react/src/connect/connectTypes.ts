import type {
  ConnectEventName,
  ConnectMode,
  ConnectOutcome,
  ConnectSuccess,
} from '@harvest-connect/protocol';

/** Where the connect flow stands (the connect SDK's snapshot). */
export interface ConnectSnapshotLike {
  readonly status: 'idle' | 'opening' | 'open' | 'finishing' | 'done';
  readonly outcome?: ConnectOutcome;
  readonly sessionId?: string;
}

/** A link token, or a function fetching one: the window opens before the promise settles. */
export type LinkTokenInput = string | Promise<string> | (() => Promise<string>);

/** Options of one connect flow, as the connect SDK takes them. */
export interface ConnectOpenOptions {
  linkToken: string | Promise<string>;
  mode?: ConnectMode | 'auto';
  onSuccess?: (result: ConnectSuccess) => void;
  onExit?: (outcome: ConnectOutcome) => void;
  onEvent?: (name: ConnectEventName, data?: unknown) => void;
}

/**
 * The connect SDK's store as this package uses it (structural, so `createConnect()` and the test double
 * `createTestConnect()` both fit).
 */
export interface ConnectLike {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ConnectSnapshotLike;
  open(options: ConnectOpenOptions): Promise<ConnectOutcome>;
  close(): void;
  reconnect?(integratedAccountId: string, linkToken: string | Promise<string>): Promise<ConnectOutcome>;
}
