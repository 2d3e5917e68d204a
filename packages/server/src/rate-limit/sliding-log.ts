/** One call that holds a slot: sent at `sent`; `end` is null while it is in flight. */
export interface Slot {
  sent: number;
  end: number | null;
}

/**
 * A sliding-log budget: at most `budget` calls counted in any `windowMs`. Harvest counts a call when it arrives,
 * somewhere between our send and its response. A slot therefore counts from the response, or from
 * `send + arrivalGraceMs` when that comes first (by then the call has surely reached Harvest: what remains is
 * Harvest's own work), and frees `windowMs` later. With an infinite grace a slot is held until the response.
 *
 * @example
 * const log = new SlidingLog(100, 15_000, 1000);
 * if (log.hasRoom(now)) { const slot = log.take(now); ...; slot.end = later; }
 */
export class SlidingLog {
  private slots: Slot[] = [];

  constructor(
    readonly budget: number,
    readonly windowMs: number,
    readonly arrivalGraceMs = Number.POSITIVE_INFINITY,
  ) {}

  /** When the slot stops counting against the window (Infinity while in flight within the grace). */
  private expiry(s: Slot): number {
    return Math.min(s.end ?? Number.POSITIVE_INFINITY, s.sent + this.arrivalGraceMs) + this.windowMs;
  }

  /** Drops slots whose window has passed. */
  prune(now: number): void {
    if (this.slots.length === 0) return;
    this.slots = this.slots.filter((s) => this.expiry(s) > now);
  }

  hasRoom(now: number): boolean {
    this.prune(now);
    return this.slots.length < this.budget;
  }

  take(now: number): Slot {
    const slot: Slot = { sent: now, end: null };
    this.slots.push(slot);
    return slot;
  }

  /** When the next slot frees, or null if none will until a call in flight ends (its `done` wakes the queue). */
  nextFreeAt(now: number): number | null {
    this.prune(now);
    if (this.slots.length < this.budget) return now;
    let earliest: number | null = null;
    for (const s of this.slots) {
      const at = this.expiry(s);
      if (Number.isFinite(at) && (earliest === null || at < earliest)) earliest = at;
    }
    return earliest;
  }

  /**
   * Roughly how long the caller at queue `position` (0 = next) will wait, counting calls in flight as ending
   * now. Used to shed load up front instead of queueing a caller who would time out anyway.
   */
  estimateWaitMs(position: number, now: number): number {
    this.prune(now);
    const free = this.budget - this.slots.length;
    if (position < free) return 0;
    const expiries = this.slots
      .map((s) => Math.min(this.expiry(s), Math.max(now, s.sent) + this.windowMs))
      .sort((a, b) => a - b);
    const index = position - free;
    const rounds = Math.floor(index / this.budget);
    const slotExpiry = expiries[Math.min(index % this.budget, expiries.length - 1)] ?? now;
    return Math.max(0, slotExpiry - now) + rounds * this.windowMs;
  }

  get size(): number {
    return this.slots.length;
  }
}
