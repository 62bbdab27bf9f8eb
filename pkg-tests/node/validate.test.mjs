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
