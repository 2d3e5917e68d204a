/**
 * Serialises async work on the single connection, so one transaction never interleaves with other calls.
 *
 * @example
 * const mutex = new Mutex();
 * await mutex.run(() => db.prepare('SELECT 1').get());
 */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T> | T): Promise<T> {
    const next = this.tail.then(fn, fn);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
