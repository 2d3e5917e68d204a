import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * The shell of every popup page: our stylesheet and script only, nothing third-party, no inline code.
 *
 * @example
 * return c.html(layout('Connect Harvest', html`<h1>Connect Harvest</h1>`));
 */
export function layout(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="stylesheet" href="/connect/assets/popup.css">
<script src="/connect/assets/popup.js" defer></script>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** A page with a heading, a message, the protocol code (for support) and a close button: bad links, errors. */
export function messagePage(title: string, message: string, code?: string): Html {
  return layout(
    title,
    html`<h1>${title}</h1>
<p role="alert">${message}</p>
${code ? html`<p class="hint" data-error-code="${code}">Error code: ${code}</p>` : ''}
<button type="button" id="hc-close">Close this window</button>`,
  );
}
