// Reads the memory layout a wasm module starts with from its binary: the
// initial linear memory, the shadow stack (rustc links wasm32 with
// --stack-first: the stack occupies [0, top) and grows down from `top`, the
// initial value of the first mutable i32 global, __stack_pointer) and the
// static data placed after it.
import { readFileSync } from 'node:fs';

const PAGE = 65536;

/** { initialBytes, stackBytes, dataStart, dataEnd } of the wasm file at `path`. */
export function wasmLayout(path) {
  const b = readFileSync(path);
  let p = 8; // magic + version
  const uleb = () => {
    let r = 0, shift = 0, x;
    do { x = b[p++]; r += (x & 0x7f) * 2 ** shift; shift += 7; } while (x & 0x80);
    return r;
  };
  const sleb = () => {
    let r = 0, shift = 0, x;
    do { x = b[p++]; r |= (x & 0x7f) << shift; shift += 7; } while (x & 0x80);
    return shift < 32 && (x & 0x40) ? r | (-1 << shift) : r;
  };
  const constExpr = () => { // i32.const N end -> N; anything else -> null
    const op = b[p++];
    const v = op === 0x41 ? sleb() : null;
    while (b[p++] !== 0x0b);
    return v;
  };
  const out = { initialBytes: null, stackBytes: null, dataStart: Infinity, dataEnd: 0 };
  let stackTop = null;
  while (p < b.length) {
    const id = b[p++];
    const size = uleb();
    const end = p + size;
    if (id === 5) { // memory
      uleb(); // count (1)
      const flags = uleb();
      out.initialBytes = uleb() * PAGE;
      if (flags & 1) uleb();
    } else if (id === 6) { // globals
      const n = uleb();
      for (let i = 0; i < n && stackTop === null; i++) {
        const type = b[p++];
        const mutable = b[p++];
        const init = constExpr();
        if (type === 0x7f && mutable === 1) stackTop = init;
      }
    } else if (id === 11) { // data
      const n = uleb();
      for (let i = 0; i < n; i++) {
        const flags = uleb();
        let offset = null;
        if (flags === 2) uleb();
        if (flags !== 1) offset = constExpr();
        const len = uleb();
        p += len;
        if (offset !== null) {
          out.dataStart = Math.min(out.dataStart, offset);
          out.dataEnd = Math.max(out.dataEnd, offset + len);
        }
      }
    }
    p = end;
  }
  // Only a stack placed first (below the data) is a stack of size `top`.
  if (stackTop !== null && stackTop <= out.dataStart) out.stackBytes = stackTop;
  return out;
}
