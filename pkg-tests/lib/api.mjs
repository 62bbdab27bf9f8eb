// The Node build of the npm package (web/pkg/node, CommonJS, API only).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PKG } from './harness.mjs';

export const api = createRequire(import.meta.url)(join(PKG, 'node', 'aimskit.js'));

/** Runs fn and returns the thrown error (fails when nothing is thrown). */
export function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}
