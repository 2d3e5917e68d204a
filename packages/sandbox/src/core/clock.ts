/** The sandbox's injectable clock; every timestamp and expiry reads it, so tests never wait. */
export interface SandboxClock {
  /** Current time in epoch milliseconds. */
  now(): number;
  /** Jump to an absolute time (epoch ms). */
  set(ms: number): void;
  /** Move forward (or back, with a negative value) by `ms`. */
  advance(ms: number): void;
  /** Whether time stands still between `set`/`advance` calls. */
  readonly frozen: boolean;
  /** Freeze or unfreeze; the current reading is kept either way. */
  setFrozen(frozen: boolean): void;
}

export interface ClockOptions {
  /** Start time in epoch ms; defaults to the real time. */
  start?: number;
  /** Frozen clocks only move by `set`/`advance`. Defaults to true when `start` is given. */
  frozen?: boolean;
  /** Real time source, for tests of the clock itself. */
  realNow?: () => number;
}

/**
 * Creates a clock that either follows real time from `start` or stands still.
 *
 * @example
 * const clock = createClock({ start: Date.UTC(2025, 5, 2, 9) });
 * clock.advance(60_000); // one minute later, no waiting
 */
export function createClock(options: ClockOptions = {}): SandboxClock {
  const realNow = options.realNow ?? Date.now;
  let frozen = options.frozen ?? options.start !== undefined;
  // The reading is `base` plus, when flowing, the real time elapsed since `anchor`.
  let base = options.start ?? realNow();
  let anchor = realNow();
  const now = () => (frozen ? base : base + (realNow() - anchor));
  const set = (ms: number) => {
    base = ms;
    anchor = realNow();
  };
  return {
    now,
    set,
    advance: (ms) => set(now() + ms),
    get frozen() {
      return frozen;
    },
    setFrozen(value) {
      set(now());
      frozen = value;
    },
  };
}
