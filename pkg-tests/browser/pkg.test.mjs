// The browser builds of the npm package (ESM, --target web) in headless
// Chromium: the API-only build and the full build (API + mount).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT, useServer, openPage, problems } from '../lib/harness.mjs';

const app = useServer(ROOT);

for (const build of ['web/pkg/api/aimskit.js', 'web/pkg/aimskit.js']) {
  test(`browser build ${build}: validates, throws coded errors`, async () => {
    const { context, page, log } = await openPage(app.browser);
    await page.goto(`${app.server.origin}/pkg-tests/browser/blank.html`);
    const out = await page.evaluate(async (url) => {
      const m = await import(url);
      await m.default();
      const sys = m.validateSystem('format = "aimskit-system/1"\nname = "Chatbot"\n');
      let err = null;
      try { m.validateSystem('{"format": "aimskit-system/1", "name": 3}'); } catch (e) {
        err = { isError: e instanceof Error, code: e.code, field: e.field, message: e.message };
      }
      return { name: sys.name, err, version: m.version(), hasMount: typeof m.mount === 'function' };
    }, `/${build}`);
    assert.equal(out.name, 'Chatbot');
    assert.equal(out.err.isError, true);
    assert.equal(out.err.code, 'wrong_type');
    assert.equal(out.err.field, 'name');
    assert.match(out.version, /^\d+\.\d+\.\d+$/);
    assert.equal(out.hasMount, !build.includes('/api/'), 'only the full build has mount()');
    assert.ok(log.requests.every((r) => r.url.startsWith(app.server.origin)));
    assert.deepEqual(problems(log), []);
    await context.close();
  });
}
