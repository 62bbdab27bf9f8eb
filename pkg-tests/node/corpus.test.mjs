// Replays the whole triage corpus through the npm package (Node build) and
// expects exactly the native CLI's JSON (written by scripts/native-results.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../lib/harness.mjs';
import { api } from '../lib/api.mjs';

const NATIVE = join(ROOT, 'pkg-tests', 'artifacts', 'native');
const SYSTEMS = join(ROOT, 'core', 'tests', 'corpus', 'triage', 'systems');

test('triage corpus: the wasm package gives exactly the native results', async () => {
  const asOf = (await readFile(join(NATIVE, 'as-of'), 'utf8')).trim();
  const files = (await readdir(SYSTEMS)).filter((f) => /\.(toml|json)$/.test(f)).sort();
  assert.ok(files.length >= 10, `corpus too small: ${files.length}`);
  for (const file of files) {
    const text = await readFile(join(SYSTEMS, file), 'utf8');
    const native = JSON.parse(await readFile(join(NATIVE, 'triage', `${file}.json`), 'utf8'));
    const wasm = api.triage(text, asOf);
    assert.deepEqual(wasm, native, `${file}: wasm and native results differ`);
    // The same system given as an object yields the same result.
    assert.deepEqual(api.triage(api.validateSystem(text), asOf), native, `${file} (as object)`);
    assert.equal(wasm.rules_version, api.rulesVersion());
  }
});

test('triage: date handling and coded errors', () => {
  const sys = 'format = "aimskit-system/1"\nname = "CV screener"\nroles = ["deployer"]\nestablished_in_eu = true\nannex_iii = ["4.a"]\n';
  const r = api.triage(sys, '2026-11-29');
  assert.equal(r.tier, 'high_risk');
  assert.deepEqual(r.high_risk_basis, ['annex_iii:4.a']);
  assert.equal(r.as_of, '2026-11-29');
  const today = api.triage(sys);
  assert.match(today.as_of, /^\d{4}-\d{2}-\d{2}$/);
  let err;
  try { api.triage(sys, '29.11.2026'); } catch (e) { err = e; }
  assert.ok(err instanceof Error);
  assert.equal(err.code, 'invalid_argument');
  try { api.triage('format = "aimskit-system/1"\nname = "X"\nannex_iii = ["4.z"]\n'); } catch (e) { err = e; }
  assert.equal(err.code, 'unknown_id');
});

test('vocabulary: every ID with a localized label and a citation', () => {
  const en = api.vocabulary('en');
  const de = api.vocabulary('de');
  assert.ok(en.length > 20);
  assert.deepEqual(de.map((e) => [e.field, e.id, e.citation]), en.map((e) => [e.field, e.id, e.citation]));
  const provider = (v) => v.find((e) => e.field === 'roles' && e.id === 'provider').label;
  assert.match(provider(de), /Anbieter/);
  assert.notEqual(provider(de), provider(en));
  assert.deepEqual(api.vocabulary(), en);
  let err;
  try { api.vocabulary('xx'); } catch (e) { err = e; }
  assert.equal(err.code, 'invalid_argument');
});
