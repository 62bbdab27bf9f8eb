// The packed npm package, used exactly as the README documents: `npm pack`
// web/pkg, install the tarball into a fresh project (offline, no scripts),
// then `import { ... } from 'aimskit'` (ES module), `require('aimskit')`
// (CommonJS) and a TypeScript file resolved through the package's
// `exports` (moduleResolution node16).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PKG, ROOT } from '../lib/harness.mjs';

const SYS = 'format = "aimskit-system/1"\\nname = "CV screener"\\nroles = ["deployer"]\\nestablished_in_eu = true\\nannex_iii = ["4.a"]\\n';

test('packed package: installs offline and imports the documented ways', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'aimskit-packed-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  run('npm', ['pack', PKG, '--pack-destination', dir, '--silent']);
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  assert.ok(tgz, 'npm pack wrote a tarball');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run('npm', ['install', `./${tgz}`, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--silent']);

  // README: import { triage, validateSystem, vocabulary, rulesVersion } from 'aimskit'; // Node
  writeFileSync(join(dir, 'esm.mjs'), `
import { triage, validateSystem, vocabulary, rulesVersion, gap, catalogue } from 'aimskit';
import * as viaSubpath from 'aimskit/node';
const r = triage('${SYS}', '2026-11-29');
console.log(JSON.stringify({ tier: r.tier, rules: rulesVersion(), name: validateSystem('${SYS}').name,
  vocab: vocabulary('de').length > 0, controls: catalogue().items.length, same: viaSubpath.triage === triage,
  gap: typeof gap }));
`);
  const esm = JSON.parse(run('node', ['esm.mjs']));
  assert.equal(esm.tier, 'high_risk');
  assert.equal(esm.name, 'CV screener');
  assert.ok(esm.rules.length > 0 && esm.vocab && esm.controls === 70 && esm.same);
  assert.equal(esm.gap, 'function');

  writeFileSync(join(dir, 'cjs.cjs'), `
const { triage, rulesVersion } = require('aimskit');
console.log(JSON.stringify({ tier: triage('${SYS}', '2026-11-29').tier, rules: rulesVersion() }));
`);
  const cjs = JSON.parse(run('node', ['cjs.cjs']));
  assert.deepEqual(cjs, { tier: 'high_risk', rules: esm.rules });

  // TypeScript resolves the Node types through `exports` (node16 resolution).
  writeFileSync(join(dir, 'consumer.mts'), `
import { triage, type TriageResult, type AimskitError } from 'aimskit';
const r: TriageResult = triage('x', '2026-11-29');
export const tier: string = r.tier;
export type E = AimskitError;
`);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, target: 'es2022', types: [], skipLibCheck: false },
    files: ['consumer.mts'],
  }));
  run(join(ROOT, 'pkg-tests', 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json']);
});
