import type { ConnectEnv, PopupLike } from './env';

/**
 * Prefix of the popup's window name. Each flow gets a name of its own: re-using one name would hand a new flow
 * a window left over from an earlier one, which this page may no longer navigate or close (a page that severed
 * its opener, or Cross-Origin-Opener-Policy). Repeated clicks never reach `window.open` anyway: `open()` returns
 * the running flow. The suffix is not a secret.
 */
export const POPUP_NAME = 'harvest-connect-';
const WIDTH = 520;
const HEIGHT = 720;

/**
 * Opens an empty, centred popup. Must run synchronously inside the user's click: browsers (Safari above all)
 * block `window.open` after an `await`. Returns `null` when the popup was blocked; some blockers hand back a
 * window that is already closed, which counts as blocked too.
 *
 * @example
 * button.onclick = () => {
 *   const popup = openPopup(window);
 *   if (!popup) fallBackToRedirect();
 * };
 */
export function openPopup(env: ConnectEnv): PopupLike | null {
  // Centred on the page's window; browsers clamp a window that would not fit on screen.
  const left = (env.screenX + (env.outerWidth - WIDTH) / 2) | 0;
  const top = (env.screenY + (env.outerHeight - HEIGHT) / 2) | 0;
  // An empty URL opens about:blank. A blocker (or a sandboxed iframe without allow-popups) makes it return null.
  const popup = env.open(
    '',
    POPUP_NAME + Math.random(),
    `popup,width=${WIDTH},height=${HEIGHT},left=${left},top=${top}`,
  );
  return popup && !popup.closed ? popup : null;
}

/**
 * In-app browsers and webviews (Facebook, Instagram, LINE, Android WebView) often cannot open a usable popup or
 * lose the opener: `auto` mode goes straight to the same-tab redirect there.
 *
 * @example
 * if (isInAppBrowser(navigator.userAgent)) mode = 'redirect';
 */
export function isInAppBrowser(userAgent: string): boolean {
  return /FBA[NV]|Instagram|\bLine\/|; wv\)/.test(userAgent);
}
