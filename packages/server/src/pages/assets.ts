import { POPUP_EVENT_TYPE, POPUP_MESSAGE_TYPE } from '@harvest-connect/protocol';

/**
 * The popup's only script, served from our origin (CSP `script-src 'self'`). It reads the outcome from `data-`
 * attributes, posts it (after an optional progress event) to the exact origin recorded on the link token (never `'*'`), then closes the window;
 * the close button covers the case where the opener is gone.
 */
export const POPUP_JS = `(function () {
  var el = document.getElementById('hc-result');
  var button = document.getElementById('hc-close');
  if (button) button.addEventListener('click', function () { window.close(); });
  if (!el) return;
  var d = el.dataset;
  if (window.opener && d.targetOrigin) {
    try {
      if (d.event) {
        window.opener.postMessage(
          { type: ${JSON.stringify(POPUP_EVENT_TYPE)}, session_id: d.sessionId, nonce: d.nonce || '', name: d.event },
          d.targetOrigin
        );
      }
      window.opener.postMessage(
        { type: ${JSON.stringify(POPUP_MESSAGE_TYPE)}, session_id: d.sessionId, nonce: d.nonce || '', status: d.status },
        d.targetOrigin
      );
    } catch (e) { /* opener navigated away: the SDK's polling still learns the outcome */ }
    setTimeout(function () { window.close(); }, 300);
  }
})();
`;

/** The popup's stylesheet: system fonts, readable at 200% zoom, visible focus. */
export const POPUP_CSS = `:root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
body { margin: 0; padding: 24px; line-height: 1.5; background: Canvas; color: CanvasText; }
main { max-width: 28rem; margin: 0 auto; }
h1 { font-size: 1.35rem; margin: 0 0 12px; }
section { border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); border-radius: 8px; padding: 16px; margin: 16px 0; }
h2 { font-size: 1.05rem; margin: 0 0 8px; }
label { display: block; font-weight: 600; margin: 12px 0 4px; }
input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: 8px; font: inherit; border: 1px solid #888; border-radius: 6px; }
button { font: inherit; padding: 8px 16px; border-radius: 6px; border: 1px solid #888; cursor: pointer; margin-top: 12px; }
button.primary { background: #b34700; color: #fff; border-color: #8a3700; font-weight: 600; }
button:focus-visible, input:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.hint { font-size: 0.9rem; opacity: 0.8; }
.error { border-left: 4px solid #c62828; padding: 8px 12px; background: color-mix(in srgb, #c62828 10%, transparent); }
fieldset { border: 0; padding: 0; margin: 0; }
.choice { display: flex; gap: 8px; align-items: center; margin: 8px 0; font-weight: 400; }
`;
