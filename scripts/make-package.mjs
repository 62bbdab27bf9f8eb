// Writes package.json (and README.md) for the npm package staged in argv[2].
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const root = new URL('..', import.meta.url);
const cargo = readFileSync(new URL('Cargo.toml', root), 'utf8');
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, 'm'))?.[1];

// The Node build is CommonJS; mark its folder so the package's "type": "module" does not apply.
writeFileSync(join(dir, 'node', 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');

const files = readdirSync(dir).filter((f) => f !== 'package.json');
const pkg = {
  name: 'aimskit',
  version: field('version'),
  description: 'EU AI Act triage and ISO/IEC 42001 gap analysis, in WebAssembly: typed API, embeddable widget',
  license: field('license'),
  type: 'module',
  main: './node/aimskit.js',
  module: './aimskit.js',
  types: './aimskit.d.ts',
  exports: {
    '.': {
      node: { types: './node/aimskit.d.ts', default: './node/aimskit.js' },
      default: { types: './aimskit.d.ts', default: './aimskit.js' },
    },
    './api': { types: './api/aimskit.d.ts', default: './api/aimskit.js' },
    './node': { types: './node/aimskit.d.ts', default: './node/aimskit.js' },
    ...(existsSync(join(dir, 'element.js')) ? { './element': './element.js' } : {}),
    './aimskit_bg.wasm': './aimskit_bg.wasm',
    './package.json': './package.json',
  },
  files: files.sort(),
  sideEffects: existsSync(join(dir, 'element.js')) ? ['./element.js'] : false,
  keywords: ['eu-ai-act', 'iso-42001', 'aims', 'compliance', 'wasm'],
};
writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
if (!existsSync(join(dir, 'README.md'))) {
  writeFileSync(join(dir, 'README.md'), readFileSync(new URL('README.md', root)));
}
