// Largest contributors of a wasm file, from its `name` section (use the
// pre-wasm-opt cargo output, which keeps it): the biggest functions and the
// code size per crate, plus the data section. A twiggy-like view without
// installing twiggy.   node scripts/wasm-contributors.mjs FILE.wasm [TOP]
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const top = Number(process.argv[3] ?? 12);
const b = readFileSync(file);
let i = 8;
const leb = () => {
  let r = 0, s = 0, x;
  do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  return r;
};
const str = () => { const n = leb(); const t = b.subarray(i, i + n).toString(); i += n; return t; };
let imported = 0, bodies = [], names = new Map(), data = 0, total = b.length, custom = 0;
while (i < b.length) {
  const id = b[i++], len = leb(), end = i + len;
  if (id === 2) { // imports: count functions
    for (let n = leb(); n > 0; n--) {
      str(); str(); const kind = b[i++];
      if (kind === 0) { leb(); imported++; }
      else if (kind === 1) { i++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 3) { i += 2; }
      else if (kind === 4) { i++; leb(); }
    }
  } else if (id === 10) {
    for (let n = leb(), k = 0; k < n; k++) { const sz = leb(); bodies.push(sz); i += sz; }
  } else if (id === 11) data = len;
  else if (id === 0) {
    const name = str();
    if (name === 'name') {
      while (i < end) {
        const sub = b[i++], slen = leb(), send = i + slen;
        if (sub === 1) for (let n = leb(); n > 0; n--) { const idx = leb(); names.set(idx, str()); }
        i = send;
      }
    } else custom += len;
  }
  i = end;
}
const demangle = (s) => {
  if (s.startsWith('_ZN')) {
    const parts = []; let j = 3;
    while (j < s.length && s[j] !== 'E') { let n = 0; while (/\d/.test(s[j])) n = n * 10 + Number(s[j++]); parts.push(s.slice(j, j + n)); j += n; }
    return parts.filter((p) => !/^h[0-9a-f]{16}$/.test(p)).join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$C\$/g, ',').replace(/\.\./g, '::');
  }
  return s;
};
const crateOf = (n) => {
  const v0 = n.match(/^_R.*?C[sr]?[0-9A-Za-z]*_(\d+)([a-z_][a-z0-9_]*)/) ?? n.match(/^_R[^C]*C(\d+)([a-z_][a-z0-9_]*)/);
  if (v0) return v0[2].slice(0, Number(v0[1]));
  const m = n.match(/^_?<?(?:&(?:mut )?)?(?:\[)?([a-z_][a-z0-9_]*)::/);
  return m ? m[1] : n.startsWith('__wbg') || n.startsWith('__wbindgen') ? 'wasm_bindgen (glue)' : '(other)';
};
const fns = bodies.map((sz, k) => ({ sz, name: demangle(names.get(k + imported) ?? `func[${k + imported}]`) }));
const code = bodies.reduce((a, x) => a + x, 0);
const byCrate = new Map();
for (const f of fns) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) ?? 0) + f.sz);
const pct = (x) => `${((100 * x) / code).toFixed(1)}%`.padStart(6);
console.log(`${file}: ${total} bytes; code ${code} (${fns.length} functions), data ${data}, other custom sections ${custom}`);
console.log(`  code by crate (top ${top}):`);
for (const [c, sz] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${String(sz).padStart(9)} ${pct(sz)}  ${c}`);
if (process.env.OTHER) for (const f of fns.filter((f) => crateOf(f.name) === '(other)').sort((a, b) => b.sz - a.sz).slice(0, 20)) console.log('other', f.sz, f.name.slice(0, 150));
console.log(`  largest functions (top ${top}):`);
for (const f of fns.sort((a, b) => b.sz - a.sz).slice(0, top)) console.log(`    ${String(f.sz).padStart(9)} ${pct(f.sz)}  ${f.name.slice(0, 110)}`);
