// The deepest files the parsers accept, imported in the browser (issue 8,
// memory): the wasm's shadow stack is set small in .cargo/config.toml, so
// this checks it is deep enough. Files nested as deep as core's guard allows
// (MAX_DEPTH levels, core/src/system/depth.rs: brackets, and the parts of
// dotted TOML keys and table headers) are parsed, refused with a message
// (they carry an unknown field); files nested deeper, e.g. long dotted keys
// inside nested inline tables, are refused by the guard with a message
// before any parser recurses; and a full session still works afterwards.
// The stack's high-water mark (rustc places the stack first, at the bottom
// of the linear memory, so the lowest byte written is its deepest point) must
// stay below half the stack: a 2x margin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, problems, useDist } from '../lib/harness.mjs';
import { fullSession, importSystem, triageSystem, waitReady } from '../lib/session.mjs';
import { throttled } from '../lib/startup.mjs';
import { wasmLayout } from '../lib/wasm-layout.mjs';

const MAX_DEPTH = 32; // core/src/system/parse.rs
const TOML_KEY_PARTS = MAX_DEPTH + 1; // a key of n parts nests n - 1 tables below the root
const TMP = mkdtempSync(join(tmpdir(), 'aimskit-deep-'));
const file = (name, content) => { const p = join(TMP, name); writeFileSync(p, content); return p; };

const SYS = 'format = "aimskit-system/1"\nname = "Deep"\n';
const AIMS = 'format = "aimskit-aims/1"\norganisation = "Deep"\n';
const nest = (open, close, n, inner = '1') => open.repeat(n) + inner + close.repeat(n);
const dotted = ['x', ...Array(TOML_KEY_PARTS - 1).fill('a')].join('.');
// In JSON the outer object is one level of the guard's count.
// Deeper than the guard: once 6 inline tables of 79-part keys (1.5 KB)
// overflowed the wasm stack ("memory access out of bounds", no message).
const key79 = Array(79).fill('a').join('.');
const TOO_DEEP = [
  ['sys-dotted-nest.toml', SYS + `x = ${nest(`{${key79} = `, '}', 24)}\n`],
  ['sys-long-header.toml', SYS + `[${Array(MAX_DEPTH + 1).fill('a').join('.')}]\nb = 1\n`],
  ['sys-deep-array.json', `{"format":"aimskit-system/1","name":"Deep","x":${nest('[', ']', 10_000)}}`],
];
const DEEP = {
  system: [
    ['sys-array.toml', SYS + `x = ${nest('[', ']', MAX_DEPTH)}\n`],
    ['sys-table.toml', SYS + `x = ${nest('{a = ', '}', MAX_DEPTH)}\n`],
    ['sys-array.json', `{"format":"aimskit-system/1","name":"Deep","x":${nest('[', ']', MAX_DEPTH - 1)}}`],
    ['sys-object.json', `{"format":"aimskit-system/1","name":"Deep","x":${nest('{"a":', '}', MAX_DEPTH - 1)}}`],
    ['sys-dotted.toml', SYS + `${dotted} = 1\n`],
    ['sys-header.toml', SYS + `[${dotted.split('.').slice(0, MAX_DEPTH).join('.')}]\nb = 1\n`],
    ['sys-dotted-inline.toml', SYS + `x = ${nest('{a.a.a = ', '}', MAX_DEPTH / 4)}\n`],
  ],
  aims: [
    ['aims-array.toml', AIMS + `x = ${nest('[', ']', MAX_DEPTH)}\n`],
    ['aims-table.toml', AIMS + `x = ${nest('{a = ', '}', MAX_DEPTH)}\n`],
    ['aims-object.json', `{"format":"aimskit-aims/1","organisation":"Deep","x":${nest('{"a":', '}', MAX_DEPTH - 1)}}`],
    ['aims-dotted.toml', AIMS + `${dotted} = 1\n`],
  ],
};

const app = useDist();

/** Bytes of the stack ever used: from the lowest non-zero byte of [0, stack) up. */
const stackHighWater = (page, stack) => page.evaluate((size) => {
  const bytes = new Uint8Array(window.__akMemory.buffer, 0, size);
  let i = 0;
  while (i < size && bytes[i] === 0) i++;
  return size - i;
}, stack);

test('the deepest accepted files import with a message, within half the wasm stack; a session still works', async () => {
  const { stackBytes } = wasmLayout(join(DIST, 'aimskit_bg.wasm'));
  assert.ok(stackBytes > 0, 'the wasm places its stack first');
  const { context, page, log } = await throttled(app.browser, 1);
  await page.goto(`${app.server.origin}/`);
  await waitReady(page);
  await triageSystem(page, 'Keep me', [0, 0]);
  const session = await stackHighWater(page, stackBytes);

  for (const [name, content] of DEEP.system) {
    await page.click('#ak-tab-inventory');
    await page.locator('.ak-inventory input[type=file]').setInputFiles(file(name, content));
    await page.locator('.ak-widget, #aimskit', { hasText: name }).first().waitFor();
    const text = await page.locator('#aimskit').innerText();
    assert.ok(text.includes(name) && /\bx\b/.test(text), `${name}: refused with a message naming the file and the field`);
  }
  for (const [name, content] of DEEP.aims) {
    await page.click('#ak-tab-report');
    await page.locator('#ak-aims-file').setInputFiles(file(name, content));
    await page.locator('.ak-import [aria-live]', { hasText: /\bx\b/ }).waitFor();
  }
  const deepest = await stackHighWater(page, stackBytes);
  for (const [name, content] of TOO_DEEP) {
    await page.click('#ak-tab-inventory');
    await page.locator('.ak-inventory input[type=file]').setInputFiles(file(name, content));
    await page.locator('.ak-widget, #aimskit', { hasText: name }).first().waitFor();
    const text = await page.locator('#aimskit').innerText();
    assert.ok(text.includes(name) && /nested/.test(text), `${name}: refused by the depth guard with a message`);
  }
  // The measure is the lowest non-zero byte, so a later call that writes a
  // zero exactly there moves it by a byte or so: allow one 16-byte frame
  // alignment unit, far less than any parser level would take.
  const after = await stackHighWater(page, stackBytes);
  assert.ok(after <= deepest + 16, `the guard refused them before any parser went deeper (${after} vs ${deepest} bytes)`);
  console.log(`# perf: wasm stack high-water: ${session} bytes after a triage, ${deepest} bytes after the deepest files; stack ${stackBytes} bytes`);
  assert.ok(deepest > session, 'the deep files went deeper than a triage (the measure works)');
  assert.ok(deepest < stackBytes / 2, `the deepest files use ${deepest} of ${stackBytes} stack bytes: keep a 2x margin`);

  // Nothing broke: a valid import and a full session still work.
  await importSystem(page, file('ok.toml', 'format = "aimskit-system/1"\nname = "Imported after"\nroles = ["deployer"]\n'));
  assert.match(await page.locator('.ak-inventory').innerText(), /Imported after/);
  const result = await fullSession(page);
  assert.ok(result.tiers.length === 3 && result.tiers.every((t) => typeof t === 'string' && t), `tiers: ${result.tiers}`);
  assert.ok(result.exports.length >= 6, `exports: ${result.exports}`);
  assert.deepEqual(problems(log), []);
  await context.close();
});
