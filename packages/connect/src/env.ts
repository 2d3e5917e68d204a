/** The popup window as the SDK uses it: a subset of `Window`, so tests can pass a fake. */
export interface PopupLike {
  readonly closed: boolean;
  location: { replace(url: string): void };
  close(): void;
  focus(): void;
}

/** The `message` event as the SDK reads it. */
export interface MessageLike {
  origin: string;
  source: unknown;
  data: unknown;
}

/**
 * Everything the SDK touches in the page, in one object: the real `window` in a browser, a fake in unit tests.
 * Nothing reads `window` at import time, which keeps the package safe to import during server-side rendering.
 */
export interface ConnectEnv {
  open(url: string, target: string, features: string): PopupLike | null;
  fetch(url: string, init: RequestInit): Promise<Response>;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
  addEventListener(type: 'message', fn: (event: MessageLike) => void): void;
  removeEventListener(type: 'message', fn: (event: MessageLike) => void): void;
  location: { href: string; assign(url: string): void };
  history: { readonly state: unknown; replaceState(data: unknown, unused: string, url: string): void };
  /** Reading it throws in some private modes: always read through `storage()`. */
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  document: { hasFocus(): boolean };
  navigator: { userAgent: string };
  crypto: { getRandomValues<T extends Uint32Array>(array: T): T };
  screenX: number;
  screenY: number;
  outerWidth: number;
  outerHeight: number;
}

/**
 * The page's own environment, read when a flow starts, never at import.
 *
 * @example
 * const env = browserEnv(); // undefined during server-side rendering
 */
export function browserEnv(): ConnectEnv | undefined {
  return typeof window === 'undefined' ? undefined : (window as unknown as ConnectEnv);
}
