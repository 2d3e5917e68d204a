/**
 * A self-contained API reference page: it fetches `/openapi.json` from the same origin and lists every path with
 * its parameters and responses. No CDN, no third-party asset; a strict CSP allows only its own inline script.
 *
 * @example
 * app.get('/reference', (c) => c.html(REFERENCE_PAGE, 200, { 'content-security-policy': REFERENCE_CSP }));
 */
export const REFERENCE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Harvest Connect data API</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:24px;color:#1d1d1f}
h1{font-size:24px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}
details{border:1px solid #e3e3e3;border-radius:6px;margin:8px 0;padding:8px 12px}
summary{cursor:pointer}code{background:#f4f4f4;padding:1px 4px;border-radius:3px}
.m{display:inline-block;min-width:56px;font-weight:600;text-transform:uppercase}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #e3e3e3;padding:4px 8px;text-align:left;vertical-align:top}
pre{background:#f7f7f7;padding:8px;overflow:auto;max-height:320px}
</style>
</head>
<body>
<h1>Harvest Connect data API</h1>
<p>Generated from <a href="openapi.json">openapi.json</a> (OpenAPI 3.1).</p>
<main id="paths">Loading…</main>
<script>
(async () => {
  const root = document.getElementById('paths');
  const el = (tag, text) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; };
  let spec;
  try { spec = await (await fetch('openapi.json')).json(); } catch { root.textContent = 'Could not load openapi.json.'; return; }
  root.textContent = '';
  const byTag = new Map();
  for (const [path, ops] of Object.entries(spec.paths || {})) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = (op.tags && op.tags[0]) || 'Other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, op });
    }
  }
  for (const [tag, ops] of byTag) {
    root.append(el('h2', tag));
    for (const { path, method, op } of ops) {
      const d = el('details');
      const s = el('summary');
      s.append(el('span', method), ' ', el('code', path), ' ', op.summary || '');
      s.firstChild.className = 'm';
      d.append(s);
      const params = op.parameters || [];
      if (params.length) {
        const t = el('table');
        t.append(Object.assign(el('tr'), { innerHTML: '<th>name</th><th>in</th><th>schema</th><th>about</th>' }));
        for (const p of params) {
          const tr = el('tr');
          tr.append(el('td', p.name + (p.required ? ' *' : '')), el('td', p.in), el('td', JSON.stringify(p.schema)), el('td', p.description || ''));
          t.append(tr);
        }
        d.append(t);
      }
      const body = op.requestBody && op.requestBody.content && op.requestBody.content['application/json'];
      if (body) { d.append(el('strong', 'Body')); d.append(el('pre', JSON.stringify(body.schema, null, 2))); }
      for (const [status, r] of Object.entries(op.responses || {})) {
        d.append(el('div', status + ': ' + (r.description || '')));
      }
      root.append(d);
    }
  }
  if (spec.components && spec.components.schemas) {
    root.append(el('h2', 'Schemas'));
    for (const [name, schema] of Object.entries(spec.components.schemas)) {
      const d = el('details'); d.append(el('summary', name)); d.append(el('pre', JSON.stringify(schema, null, 2))); root.append(d);
    }
  }
})();
</script>
</body>
</html>
`;

/** Only this page's own inline script and same-origin fetches. */
export const REFERENCE_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'";
