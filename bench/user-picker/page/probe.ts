import type { KeystrokeSample, Variant } from './api';

interface Probe {
  /** Labels the keystrokes that follow. */
  setVariant(variant: Variant): void;
  waitForSamples(count: number, timeoutMs: number): Promise<void>;
  samples(): Promise<KeystrokeSample[]>;
}

/**
 * Times every keystroke that changes the input, from its keydown to the first frame after the update.
 *
 * The keydown's `timeStamp` is the start (it includes any wait before the page could run the handler). The end
 * is taken in a MessageChannel task posted from the next requestAnimationFrame callback: that task runs after
 * the frame's style, layout and paint on the main thread, which is as close to "painted" as a page can see.
 * The frame is requested from a bubbling `input` listener on the window: it runs after React's listener on
 * its root, whose discrete update (render, commit, and the effects React flushes at once for discrete input) is
 * done by then, so that moment is recorded too and the frame always includes the commit.
 * Event Timing entries (threshold 16 ms, the smallest allowed) are kept as a cross-check: their duration runs
 * to the frame's presentation, in 8 ms steps.
 *
 * @example
 * const probe = installProbe();
 * probe.setVariant('plain');
 */
export function installProbe(): Probe {
  let variant: Variant = 'virtualized';
  let keydown: { at: number; key: string } | null = null;
  const measured: Omit<KeystrokeSample, 'eventTimingMs'>[] = [];
  const waiters: Array<() => void> = [];
  const keydowns = new Map<number, number>();

  addEventListener('keydown', (event) => (keydown = { at: event.timeStamp, key: event.key }), true);
  addEventListener(
    'input',
    () => {
      const down = keydown;
      keydown = null;
      if (down === null) return;
      const { at: start, key } = down;
      const commitMs = performance.now() - start;
      const label = variant;
      requestAnimationFrame(() => {
        const frameStartMs = performance.now() - start;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          measured.push({
            variant: label,
            key,
            start,
            ms: performance.now() - start,
            commitMs,
            frameStartMs,
          });
          channel.port1.close();
          for (const wake of waiters.splice(0)) wake();
        };
        channel.port2.postMessage(null);
      });
    },
    false,
  );

  const record = (entries: PerformanceEntryList) => {
    for (const entry of entries) if (entry.name === 'keydown') keydowns.set(entry.startTime, entry.duration);
  };
  const observer = new PerformanceObserver((list) => record(list.getEntries()));
  observer.observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);

  return {
    setVariant: (next) => {
      variant = next;
    },
    waitForSamples: (count, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no painted keystroke #${count} in ${timeoutMs} ms`)),
          timeoutMs,
        );
        const check = () => {
          if (measured.length >= count) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      }),
    samples: async () => {
      // Event Timing reports after the frame is presented; give the last ones a moment to arrive.
      await new Promise((resolve) => setTimeout(resolve, 250));
      record(observer.takeRecords());
      return measured.map((sample) => {
        let eventTimingMs: number | null = null;
        for (const [startTime, duration] of keydowns) {
          if (Math.abs(startTime - sample.start) < 0.5) eventTimingMs = duration;
        }
        return { ...sample, eventTimingMs };
      });
    },
  };
}
