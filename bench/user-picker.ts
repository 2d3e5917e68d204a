/**
 * UserPicker keystroke-to-paint benchmark, in Chromium: the real `<UserPicker>` of @harvest-connect/react (its
 * virtualized list, @tanstack/react-virtual) with 10,000 people, beside the same options all rendered at once
 * (the package's headless `useUserPicker`: same filtering, same option markup, same styles), in one run.
 *
 *   pnpm exec tsx bench/user-picker.ts [--verbose]      (or `pnpm bench user-picker`)
 *
 * The page (bench/user-picker/page) is built with Vite (production React) into a temp dir and served on
 * 127.0.0.1. The widget gets its data the way a host app can pre-fill it: a QueryClient holding the directory
 * under `userDirectoryKeys.users(...)`, in pages of 500 as the server sends them; the provider's `fetch` throws,
 * and the run fails if anything asks the network or if the two lists' option markup differs.
 *
 * Per keystroke the page measures from the keydown's timeStamp to the end of the first frame after React's
 * commit (a MessageChannel task posted from requestAnimationFrame: after style, layout and paint on the main
 * thread). "React done" (render, commit, effects) and "frame start" split that time; Event Timing durations
 * (to the presented frame, 8 ms steps, only >= 16 ms reported) are a cross-check. Keys go no faster than one per
 * 100 ms (a fast typist), each after the previous one was painted: type a name, then Backspace it to the empty
 * query (all 10,000 people). After a warm-up the two lists alternate in rounds (the machine is shared and
 * noisy); no new round starts after 25 s, so a loaded machine measures fewer keys rather than running long.
 * Target (issue 6): the virtualized p95 under one frame (16 ms).
 *
 * Seen on this machine (2 cores, shared, headless Chromium with --disable-gpu), 2026-12-04:
 *   after the picker's search index and memoized rows, load 0.8: 50 keys per list; virtualized p50 7.7,
 *     p95 11.7, max 13.5 ms (React done p95 4.8); plain p50 17.2, p95 1,113, max 2,680 ms; ratio p95 95x.
 *   before them, load 7.0: virtualized p50 12.1, p95 19.2 ms; plain p95 1,393 ms; ratio p95 72.5x.
 *   Under a load average of 7 to 10 on 2 cores the virtualized p95 is mostly other processes' noise.
 */
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright';
import { percentile } from './loopback';
import type { Variant } from './user-picker/page/api';
import { buildAndServePage } from './user-picker/serve';

const VERBOSE = process.argv.includes('--verbose');
const KEY_INTERVAL_MS = 100;
const SETTLE_MS = 400; // past the picker's 250 ms debounced search, so it never lands inside a measured key
const WARMUP_WORDS = ['ma'];
const ROUND_WORDS = ['martinez', 'ana silva', 'kowalski', 'yuki ito'];
/** No new round starts after this long in all (two rounds always run), so a loaded machine stays bounded. */
const BUDGET_MS = 25_000;
const keysFor = (word: string) => [
  ...[...word].map((c) => (c === ' ' ? 'Space' : c)),
  ...Array.from(word, () => 'Backspace'),
];

const started = performance.now();
const load = loadavg()[0]!;
const site = await buildAndServePage();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

try {
  const page = await browser.newPage({ viewport: { width: 900, height: 800 } });
  const offsite: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(site.url)) offsite.push(request.url());
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(site.url);
  await page.waitForFunction(() => 'bench' in window);

  let painted = 0;
  const domOptions: Partial<Record<Variant, number>> = {};
  const firstOption: Partial<Record<Variant, string | null>> = {};

  /** Mounts `variant`, opens it, and types `word` then deletes it, one painted keystroke at a time. */
  const typeWord = async (variant: Variant, word: string) => {
    await page.evaluate((v) => window.bench.mount(v), variant);
    await page.click('input[role="combobox"]');
    const open = await page.evaluate(() => window.bench.options());
    domOptions[variant] ??= open.count;
    firstOption[variant] ??= open.firstHtml;
    for (const key of keysFor(word)) {
      const sent = performance.now();
      await page.keyboard.press(key);
      painted++;
      await page.evaluate(([n]) => window.bench.waitForSamples(n!, 10_000), [painted]);
      const rest = KEY_INTERVAL_MS - (performance.now() - sent);
      if (rest > 0) await page.waitForTimeout(rest);
    }
    await page.waitForTimeout(SETTLE_MS);
  };

  for (const word of WARMUP_WORDS) {
    await typeWord('virtualized', word);
    await typeWord('plain', word);
  }
  const warmup = painted;
  let rounds = 0;
  for (let round = 0; round < ROUND_WORDS.length; round++) {
    if (round >= 2 && performance.now() - started > BUDGET_MS) break;
    rounds++;
    const word = ROUND_WORDS[round]!;
    const order: Variant[] = round % 2 === 0 ? ['virtualized', 'plain'] : ['plain', 'virtualized'];
    for (const variant of order) await typeWord(variant, word);
  }

  const samples = (await page.evaluate(() => window.bench.samples())).slice(warmup);
  const networkCalls = await page.evaluate(() => window.bench.networkCalls());
  if (networkCalls > 0 || offsite.length > 0 || pageErrors.length > 0) {
    throw new Error(
      `the page must work offline and cleanly: ${networkCalls} fetches, ${offsite.join(', ')} ${pageErrors.join('; ')}`,
    );
  }
  if (firstOption.virtualized !== firstOption.plain || !firstOption.plain) {
    throw new Error(
      'the two variants render different option markup; keep PlainPicker in step with UserOption',
    );
  }

  const stats = (variant: Variant) => {
    const mine = samples.filter((s) => s.variant === variant);
    const ms = mine.map((s) => s.ms).sort((a, b) => a - b);
    const commit = mine.map((s) => s.commitMs).sort((a, b) => a - b);
    const frame = mine.map((s) => s.frameStartMs).sort((a, b) => a - b);
    const et = mine.map((s) => s.eventTimingMs ?? 0).sort((a, b) => a - b);
    const etP95 = percentile(et, 95);
    return {
      keys: mine.length,
      p50: percentile(ms, 50),
      p95: percentile(ms, 95),
      max: ms[ms.length - 1] ?? 0,
      commitP95: percentile(commit, 95),
      frameP95: percentile(frame, 95),
      etOver: mine.filter((s) => s.eventTimingMs !== null).length,
      etP95: etP95 === 0 ? '< 16' : etP95.toFixed(0),
    };
  };
  if (VERBOSE) {
    for (const s of samples) {
      const et = s.eventTimingMs === null ? '< 16' : s.eventTimingMs.toFixed(0);
      console.log(
        `${s.variant.padEnd(11)} ${s.key.padEnd(9)} ${s.ms.toFixed(1).padStart(7)} ms (React done ${s.commitMs.toFixed(1)}, frame start ${s.frameStartMs.toFixed(1)}, Event Timing ${et})`,
      );
    }
  }
  const v = stats('virtualized');
  const p = stats('plain');
  const row = (name: string, s: ReturnType<typeof stats>, variant: Variant) => ({
    list: name,
    keystrokes: s.keys,
    'p50 ms': s.p50.toFixed(1),
    'p95 ms': s.p95.toFixed(1),
    'max ms': s.max.toFixed(1),
    'p95 React done ms': s.commitP95.toFixed(1),
    'p95 frame start ms': s.frameP95.toFixed(1),
    'Event Timing p95 ms': s.etP95,
    'keys >= 16 ms (Event Timing)': s.etOver,
    'options in DOM, empty query': domOptions[variant],
  });
  console.log(
    `\nUserPicker, 10,000 people: keydown -> first frame after the update, ${v.keys} keystrokes per list (after ${warmup} warm-up), ${rounds} alternating rounds`,
  );
  console.table([
    row('<UserPicker> (virtualized)', v, 'virtualized'),
    row('plain list (every option rendered)', p, 'plain'),
  ]);
  console.log(
    `ratio plain / virtualized: p50 ${(p.p50 / v.p50).toFixed(1)}x, p95 ${(p.p95 / v.p95).toFixed(1)}x; virtualized p95 ${v.p95.toFixed(1)} ms -> ${v.p95 < 16 ? 'under one frame (16 ms): met' : 'NOT under one frame (16 ms)'}`,
  );
  console.log(
    `no network (0 fetches), identical option markup in both lists; ${((performance.now() - started) / 1000).toFixed(0)} s in all, load average ${load.toFixed(1)} at the start (${cpus().length} cores); a shared, loaded machine moves these numbers from run to run.`,
  );
} finally {
  await browser.close();
  await site.close();
}
