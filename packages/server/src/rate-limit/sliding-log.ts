/** One call that holds a slot: `end` is null while it is in flight. */
export interface Slot {
  end: number | null;
}

/**
 * A sliding-log budget: at most `budget` slots whose call is in flight or ended less than `windowMs` ago.
 * A slot is taken at send time and released `windowMs` after the response, so however late Harvest counted
 * the request (anywhere between send and response), no rolling window it sees holds more than `budget`.
 *
 * @example
 * const log = new SlidingLog(100, 15_000);
 * if (log.hasRoom(now)) { const slot = log.take(); ...; slot.end = now2; }
 */
export class SlidingLog {
  private slots: Slot[] = [];

  constructor(
    readonly budget: number,
    readonly windowMs: number,
  ) {}

  /** Drops slots whose window has passed. */
  prune(now: number): void {
    if (this.slots.length === 0) return;
    this.slots = this.slots.filter((s) => s.end === null || s.end + this.windowMs > now);
  }

  hasRoom(now: number): boolean {
    this.prune(now);
    return this.slots.length < this.budget;
  }

  take(): Slot {
    const slot: Slot = { end: null };
    this.slots.push(slot);
    return slot;
  }

  /** When the next slot frees, or null if every slot is in flight (its `done` will wake the queue). */
  nextFreeAt(now: number): number | null {
    this.prune(now);
    if (this.slots.length < this.budget) return now;
    let earliest: number | null = null;
    for (const s of this.slots) {
      if (s.end !== null && (earliest === null || s.end + this.windowMs < earliest))
        earliest = s.end + this.windowMs;
    }
    return earliest;
  }

  /**
   * Roughly how long the caller at queue `position` (0 = next) will wait, counting in-flight calls as ending
   * now. Used to shed load up front instead of queueing a caller who would time out anyway.
   */
  estimateWaitMs(position: number, now: number): number {
    this.prune(now);
    const free = this.budget - this.slots.length;
    if (position < free) return 0;
    const expiries = this.slots.map((s) => (s.end ?? now) + this.windowMs).sort((a, b) => a - b);
    const index = position - free;
    const rounds = Math.floor(index / this.budget);
    const slotExpiry = expiries[Math.min(index % this.budget, expiries.length - 1)] ?? now;
    return Math.max(0, slotExpiry - now) + rounds * this.windowMs;
  }

  get size(): number {
    return this.slots.length;
  }
}
