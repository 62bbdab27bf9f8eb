// The npm package's validation API in Node: system and AIMS files as TOML
// text, JSON text or objects; errors are JS Errors with a code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, thrown } from '../lib/api.mjs';

const SYSTEM_TOML = 'format = "aimskit-system/1"\nname = "Chatbot"\nart50 = ["50.1"]\n';

test('validateSystem accepts TOML text, JSON text and objects alike', () => {
  const fromToml = api.validateSystem(SYSTEM_TOML);
  assert.equal(fromToml.format, 'aimskit-system/1');
  assert.equal(fromToml.name, 'Chatbot');
  assert.deepEqual(fromToml.art50, ['50.1']);
  assert.deepEqual(api.validateSystem(JSON.stringify(fromToml)), fromToml);
  assert.deepEqual(api.validateSystem(JSON.stringify(fromToml), 'json'), fromToml);
  assert.deepEqual(api.validateSystem(fromToml), fromToml);
  // Round trip through the TOML writer.
  assert.deepEqual(api.validateSystem(api.systemToToml(fromToml), 'toml'), fromToml);
});

test('the optional fields beyond the spec round-trip and drive the triage', () => {
  const legacy = api.validateSystem([
    'format = "aimskit-system/1"', 'name = "CV ranking"', 'roles = ["provider"]',
    'established_in_eu = true', 'eu_nexus = ["placed_on_market"]', 'annex_iii = ["4.a"]',
    'profiling = true', 'first_placed_on_market = "2025-06-01"', 'significant_change = false',
    'for_public_authorities = true', 'public_crime_reporting = false', '',
  ].join('\n'), 'toml');
  assert.equal(legacy.first_placed_on_market, '2025-06-01');
  assert.equal(legacy.significant_change, false, 'a given "no" is kept');
  assert.equal(legacy.for_public_authorities, true);
  assert.equal(legacy.public_crime_reporting, false);
  assert.deepEqual(api.validateSystem(api.systemToToml(legacy), 'toml'), legacy);
  assert.deepEqual(api.validateSystem(JSON.stringify(legacy), 'json'), legacy);
  const art16 = (r) => r.obligations.find((o) => o.articles.includes('Art. 16'));
  const r = api.triage(legacy, '2028-01-15');
  assert.deepEqual(r.needs_review, []);
  assert.equal(art16(r).applies_from, '2030-08-02');
  const { first_placed_on_market: _, ...unknown } = legacy;
  assert.deepEqual(api.triage(unknown, '2028-01-15').needs_review.map((x) => x.field), ['first_placed_on_market']);
  // Not said is not "no" (Art. 111(2)): change not said keeps the normal
  // date; public use not said keeps the public-authority date. Each asks.
  const { significant_change: _c, ...changeUnknown } = legacy;
  assert.equal('significant_change' in api.validateSystem(changeUnknown), false, 'left out when not given');
  const rc = api.triage(changeUnknown, '2028-01-15');
  assert.equal(art16(rc).applies_from, '2027-12-02');
  assert.deepEqual(rc.needs_review.map((x) => x.field), ['significant_change']);
  assert.match(rc.needs_review[0].why, /Art\. 111\(2\)/);
  const { for_public_authorities: _p, ...publicUnknown } = legacy;
  const rp = api.triage(publicUnknown, '2028-01-15');
  assert.equal(art16(rp).applies_from, '2030-08-02');
  assert.deepEqual(rp.needs_review.map((x) => x.field), ['for_public_authorities']);
  const rx = api.triage({ ...legacy, for_public_authorities: false }, '2028-01-15');
  assert.equal(art16(rx), undefined, 'exempt only when both are answered');
  assert.deepEqual(rx.needs_review, []);
  const bad = thrown(() => api.validateSystem({ ...legacy, first_placed_on_market: 'June 2025' }));
  assert.equal(bad.field, 'first_placed_on_market');
});

test('validateSystem throws coded errors, never a panic', () => {
  const syntax = thrown(() => api.validateSystem('name = ', 'toml'));
  assert.ok(syntax instanceof Error);
  assert.equal(syntax.code, 'syntax');
  assert.ok(syntax.message.length > 0);

  const unknown = thrown(() => api.validateSystem({ format: 'aimskit-system/1', name: 'X', nmae: 'typo' }));
  assert.equal(unknown.code, 'unknown_field');
  assert.equal(unknown.field, 'nmae');
  assert.equal(unknown.didYouMean, 'name');

  const notAFile = thrown(() => api.validateSystem(42));
  assert.equal(notAFile.code, 'invalid_argument');
  const badFormat = thrown(() => api.validateSystem(SYSTEM_TOML, 'yaml'));
  assert.equal(badFormat.code, 'invalid_argument');
  assert.match(badFormat.message, /yaml/);

  // The module still works after errors (no trap poisoned the instance).
  assert.equal(api.validateSystem(SYSTEM_TOML).name, 'Chatbot');
});

test('version is the crate version', () => {
  assert.match(api.version(), /^\d+\.\d+\.\d+$/);
});
