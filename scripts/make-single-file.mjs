// Writes DIR/aimskit.html: one self-contained page with the wasm (base64),
// the JS and the CSS inlined, for teams that can only drop a single file on
// an intranet. Works from file:// under
//   default-src 'none'; script-src 'wasm-unsafe-eval' 'sha256-…'; style-src 'sha256-…'; connect-src 'none'
// because the wasm is instantiated from bytes (no fetch).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.argv[2];
const glue = readFileSync(join(dir, 'aimskit.js'), 'utf8');
const wasm = readFileSync(join(dir, 'aimskit_bg.wasm'));
const css = existsSync(join(dir, 'style.css')) ? readFileSync(join(dir, 'style.css'), 'utf8') : '';

// The wasm-bindgen ES module, made into plain module-scope code.
let code = glue
  .replace(/^export (async function|function|class|const|let) /gm, '$1 ')
  .replace(/^export \{[^}]*\};?\s*$/gm, '');
if (/^\s*(export|import)\b/m.test(code)) throw new Error('unexpected import/export left in the glue');

const script = `${code}
const aimskitWasm = ${JSON.stringify(wasm.toString('base64'))};
const bytes = Uint8Array.from(atob(aimskitWasm), (c) => c.charCodeAt(0));
const root = document.getElementById('aimskit');
try {
  await __wbg_init({ module_or_path: bytes });
  mount(root, { lang: document.documentElement.lang || 'en' });
} catch (err) {
  root.textContent = 'aimskit could not start: ' + (err && err.message ? err.message : err);
  console.error(err);
}
`;
for (const [what, text] of [['script', script], ['style', css]]) {
  if (text.toLowerCase().includes(`</${what}`)) throw new Error(`inlined ${what} contains </${what}`);
}
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${sha(script)}`,
  `style-src ${sha(css)}`,
  'img-src data:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>aimskit (single file): EU AI Act triage and ISO/IEC 42001 gap analysis</title>
<link rel="icon" href="data:,">
<style>${css}</style>
</head>
<body>
<div id="aimskit"><noscript>aimskit needs JavaScript and WebAssembly. It runs entirely in your browser; nothing you enter leaves this device.</noscript></div>
<script type="module">${script}</script>
</body>
</html>
`;
writeFileSync(join(dir, 'aimskit.html'), html);
