/** The two lists compared: the real `<UserPicker>` (virtualized) and the same options all rendered at once. */
export type Variant = 'virtualized' | 'plain';

/** One measured keystroke, in milliseconds of the page's clock. */
export interface KeystrokeSample {
  variant: Variant;
  /** The key pressed (`event.key`). */
  key: string;
  /** The keydown's `event.timeStamp` (when the browser created the event). */
  start: number;
  /** From the keydown to the end of the first frame after React committed the update. */
  ms: number;
  /** From the keydown to the end of React's work for it (render, commit, effects), before the frame. */
  commitMs: number;
  /** From the keydown to the start of that frame (its requestAnimationFrame callback). */
  frameStartMs: number;
  /** The keydown's Event Timing duration (to the presented frame), or null when under the 16 ms threshold. */
  eventTimingMs: number | null;
}

/** What the page exposes to the driver as `window.bench`. */
export interface BenchApi {
  /** Renders one variant (unmounting the other) and waits for it to be painted. */
  mount(variant: Variant): Promise<void>;
  /** Resolves once `count` keystrokes in total have been painted; rejects after `timeoutMs`. */
  waitForSamples(count: number, timeoutMs: number): Promise<void>;
  /** Every sample so far, joined with the Event Timing entries observed for them. */
  samples(): Promise<KeystrokeSample[]>;
  /** Requests the widgets sent through the provider's `fetch` (the bench expects none). */
  networkCalls(): number;
  /** How many options are in the DOM, and the inner markup of the first one. */
  options(): { count: number; firstHtml: string | null };
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}
