// Replays the whole gap corpus (core/tests/corpus/gap) through the npm
// package (Node build) and expects exactly the native CLI's JSON
// (`aimskit gap --format json`, written by scripts/native-results.sh).
// System files named by path are handed over in the `systems` map, keyed by
// the path exactly as written in the AIMS file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../lib/harness.mjs';
import { api, thrown } from '../lib/api.mjs';

const NATIVE = join(ROOT, 'pkg-tests', 'artifacts', 'native');
const CORPUS = join(ROOT, 'core', 'tests', 'corpus', 'gap');

async function loadCase(name) {
  const file = ['aims.toml', 'aims.json'].map((f) => join(CORPUS, name, f)).find(existsSync);
  const text = await readFile(file, 'utf8');
  const aims = api.validateAims(text);
  const systems = {};
  for (const s of aims.systems ?? []) {
    const path = typeof s === 'string' ? s : s.path;
    if (path) systems[path] = await readFile(join(dirname(file), path), 'utf8');
  }
  return { text, aims, systems };
}

test('gap corpus: the wasm package gives exactly the native results', async () => {
  const asOf = (await readFile(join(NATIVE, 'as-of'), 'utf8')).trim();
  const cases = (await readdir(CORPUS, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  assert.ok(cases.length >= 6, `gap corpus too small: ${cases.length}`);
  for (const name of cases) {
    const native = JSON.parse(await readFile(join(NATIVE, 'gap', `${name}.json`), 'utf8'));
    const { text, aims, systems } = await loadCase(name);
    assert.deepEqual(api.gap(text, systems, asOf), native, `${name}: wasm and native gap results differ`);
    // The normalised object and system objects give the same result.
    const objects = Object.fromEntries(Object.entries(systems).map(([k, v]) => [k, api.validateSystem(v)]));
    assert.deepEqual(api.gap(aims, objects, asOf), native, `${name} (as objects)`);
    // The TOML writer round-trips.
    assert.deepEqual(api.validateAims(api.aimsToToml(aims), 'toml'), aims, `${name}: aimsToToml round trip`);
  }
});

test('gap: missing referenced systems, bad arguments and inline systems', async () => {
  const { text, systems } = await loadCase('public-university');
  const paths = Object.keys(systems);
  assert.ok(paths.length >= 2);
  const missing = thrown(() => api.gap(text, { [paths[0]]: systems[paths[0]] }, '2026-11-29'));
  assert.equal(missing.code, 'missing');
  assert.match(missing.message, new RegExp(paths[1].replace(/[.]/g, '\\.')));
  assert.equal(thrown(() => api.gap(text)).code, 'missing');
  assert.equal(thrown(() => api.gap(text, 'nope')).code, 'invalid_argument');
  assert.equal(thrown(() => api.gap(text, systems, '31.12.2026')).code, 'invalid_argument');
  const badSys = thrown(() => api.gap(text, { ...systems, [paths[0]]: 'format = "aimskit-system/1"\nname = 1\n' }));
  assert.equal(badSys.code, 'wrong_type');
  assert.equal(badSys.file, paths[0]);
  // Inline systems need no map; as_of falls back to the file's.
  const inline = api.gap({ format: 'aimskit-aims/1', organisation: 'Inline Ltd', as_of: '2026-11-29',
    systems: [{ format: 'aimskit-system/1', name: 'Chatbot', art50: ['50.1'] }] });
  assert.equal(inline.organisation, 'Inline Ltd');
  assert.equal(inline.as_of, '2026-11-29');
  assert.deepEqual(inline.systems.map((s) => s.name), ['Chatbot']);
  assert.equal(thrown(() => api.validateAims('format = "aimskit-aims/9"\norganisation = "X"\n')).code, 'format');
});

test('catalogue: every clause and control, localized, never ISO text', () => {
  const en = api.catalogue('en');
  const de = api.catalogue('de');
  assert.equal(en.lang, 'en');
  assert.equal(de.lang, 'de');
  const clauses = en.items.filter((i) => i.kind === 'clause');
  const controls = en.items.filter((i) => i.kind === 'control');
  assert.equal(clauses.length, 32);
  assert.equal(controls.length, 38);
  assert.deepEqual(de.items.map((i) => i.id), en.items.map((i) => i.id));
  assert.ok(de.items.some((i, k) => i.title !== en.items[k].title), 'German titles differ from English');
  for (const i of en.items) assert.ok(i.title && i.requirement, `${i.id} has a title and requirement`);
  assert.deepEqual(api.catalogue(), en);
  assert.equal(thrown(() => api.catalogue('xx')).code, 'invalid_argument');
});
