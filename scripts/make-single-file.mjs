// Writes DIR/aimskit.html: one self-contained page with the wasm (base64),
// the JS and the CSS inlined, for teams that can only drop a single file on
// an intranet. Works from file:// under
//   default-src 'none'; script-src 'wasm-unsafe-eval' 'sha256-…'; style-src 'sha256-…'; connect-src 'none'
// because the wasm is instantiated from bytes (no fetch): base64 in a
// non-executed <script type="application/octet-stream"> data block.
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

// The wasm sits in a data block (not executed, so outside the CSP's hashes)
// rather than in a string literal of the script: the script stays small to
// parse, and the base64 text and the bytes can be freed once compiled.
const script = `${code}
function aimskitWasm() {
  const block = document.getElementById('aimskit-wasm');
  const text = block.textContent;
  block.remove();
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
const root = document.getElementById('aimskit');
try {
  await __wbg_init({ module_or_path: aimskitWasm() });
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
<script type="application/octet-stream" id="aimskit-wasm">${wasm.toString('base64')}</script>
<script type="module">${script}</script>
</body>
</html>
`;
writeFileSync(join(dir, 'aimskit.html'), html);
