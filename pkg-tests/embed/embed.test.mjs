// Embedding: examples/embed.html (hostile host CSS, strict host CSP) with the
// custom element and mount(), lazy loading, and the single-file build from
// file:// under its own CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, DIST, useServer, openPage, problems } from '../lib/harness.mjs';

const app = useServer(ROOT);

const PROPS = [
  'font-family', 'font-size', 'font-weight', 'font-style', 'color', 'background-color',
  'letter-spacing', 'text-transform', 'line-height', 'text-align', 'margin-top', 'padding-top',
  'display', 'border-top-style', 'border-top-width',
];

/** Computed styles of every element rendered inside `hostSelector`'s shadow root. */
function snapshot(page, hostSelector) {
  return page.evaluate(([sel, props]) => {
    const root = document.querySelector(sel).shadowRoot;
    return [...root.querySelectorAll('.aimskit-root *')].map((el) => {
      const cs = getComputedStyle(el);
      return [el.tagName, ...props.map((p) => `${p}:${cs.getPropertyValue(p)}`)].join(' ');
    });
  }, [hostSelector, PROPS]);
}

async function openEmbed({ neutral = false } = {}) {
  const session = await openPage(app.browser);
  if (neutral) {
    // Baseline: the same page without the hostile stylesheet.
    await session.page.route('**/examples/hostile.css', (r) =>
      r.fulfill({ status: 200, contentType: 'text/css', body: '' }));
  }
  await session.page.goto(`${app.server.origin}/examples/embed.html`, { waitUntil: 'load' });
  for (const id of ['kit', 'mounted']) {
    await session.page.waitForFunction(
      (i) => document.getElementById(i).shadowRoot?.querySelector('.aimskit-root h1'),
      id, { timeout: 15000 });
  }
  await session.page.waitForLoadState('networkidle');
  return session;
}

test('both ways in render the widget inside Shadow DOM', async () => {
  const { context, page, log } = await openEmbed();
  const info = await page.evaluate(() => ['kit', 'mounted'].map((id) => {
    const host = document.getElementById(id);
    const root = host.shadowRoot;
    return {
      id,
      lightChildren: host.children.length,
      text: root.querySelector('.aimskit-root').innerText,
      leaked: document.querySelectorAll('.aimskit, .ak-header').length,
      link: root.querySelector('link[rel=stylesheet]').href,
    };
  }));
  for (const w of info) {
    assert.equal(w.lightChildren, 0, `${w.id}: the widget must not render into the light DOM`);
    assert.match(w.text, /aimskit/i);
    assert.match(w.text, /not legal advice|keine Rechtsberatung/i);
    assert.equal(w.leaked, 0, 'widget markup visible to host selectors');
    assert.equal(new URL(w.link).origin, app.server.origin, 'stylesheet must be same-origin');
  }
  const foreign = log.requests.filter((r) => !r.url.startsWith(app.server.origin));
  assert.deepEqual(foreign, []);
  const wasm = log.requests.filter((r) => r.url.endsWith('.wasm'));
  assert.equal(wasm.length, 1, 'two widgets share one wasm download');
  assert.deepEqual(problems(log), []);
  assert.deepEqual(log.csp, [], 'the widget must work under the host page CSP');
  await context.close();
});

test('host styles do not change the widget; our styles do not leak out', async () => {
  const base = await openEmbed({ neutral: true });
  const hostile = await openEmbed();
  for (const sel of ['#kit', '#mounted']) {
    const a = await snapshot(base.page, sel);
    const b = await snapshot(hostile.page, sel);
    assert.ok(a.length > 3, `${sel}: too few elements rendered (${a.length})`);
    assert.deepEqual(b, a, `${sel}: hostile host CSS changed the widget`);
    assert.ok(!b.some((s) => /Comic Sans|rgb\(255, 0, 255\)|uppercase/.test(s)), `${sel}: host CSS leaked in`);
  }
  // The host page's own headings keep the host's styles (nothing leaks out).
  const hostH1 = await hostile.page.evaluate(() => getComputedStyle(document.querySelector('body > h1')).color);
  assert.equal(hostH1, 'rgb(255, 0, 255)');
  // The widget's stylesheet was loaded into each shadow root.
  const sheets = await hostile.page.evaluate(() => ['kit', 'mounted'].map((id) => {
    const link = document.getElementById(id).shadowRoot.querySelector('link[rel=stylesheet]');
    return link.sheet ? link.sheet.cssRules.length : -1;
  }));
  const cssBytes = (await readFile(join(DIST, 'style.css'), 'utf8')).trim().length;
  for (const n of sheets) assert.ok(cssBytes === 0 ? n === 0 : n > 0, `stylesheet not applied (${n} rules)`);
  await base.context.close();
  await hostile.context.close();
});

test('theming: CSS custom properties set on the host reach the widget', async () => {
  const { context, page } = await openEmbed();
  const accent = await page.evaluate(() => {
    const el = document.getElementById('kit').shadowRoot.querySelector('.aimskit-root *');
    return getComputedStyle(el).getPropertyValue('--aimskit-accent').trim();
  });
  assert.equal(accent, 'rgb(0, 100, 0)');
  await context.close();
});

test('events reach the host page with the documented payloads', async () => {
  const { context, page } = await openEmbed();
  const events = await page.evaluate(() => window.aimskitEvents);
  const ready = events.filter((e) => e.type === 'aimskit:ready');
  assert.deepEqual(ready.map((e) => e.target).sort(), ['kit', 'mounted']);
  const byTarget = Object.fromEntries(ready.map((e) => [e.target, e.detail]));
  assert.equal(byTarget.kit.lang, 'en');
  assert.deepEqual(byTarget.kit.modules, ['triage', 'aims', 'report']);
  assert.equal(byTarget.mounted.lang, 'de');
  assert.deepEqual(byTarget.mounted.modules, ['triage']);
  assert.match(byTarget.kit.version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(events.filter((e) => e.type === 'aimskit:error'), []);
  await context.close();
});

test('aimskit:result carries the triage and gap summaries shown', async () => {
  const { context, page, log } = await openEmbed();
  const kit = page.locator('#kit');
  const results = async (kind) => (await page.evaluate(() => window.aimskitEvents))
    .filter((e) => e.type === 'aimskit:result' && e.target === 'kit' && e.detail.kind === kind)
    .map((e) => e.detail);
  assert.deepEqual(await results('triage'), [], 'no system open, no result');

  // Add a system: the triage view opens it and shows its result.
  await kit.locator('#ak-tab-inventory').click();
  await kit.locator('#ak-new-name').fill('Applicant ranking');
  await kit.locator('#ak-new-name').press('Enter');
  await kit.locator('#ak-q-ai_system-yes').waitFor();
  await page.waitForFunction(() => window.aimskitEvents.some((e) => e.detail?.kind === 'triage'));
  const first = (await results('triage')).at(-1);
  assert.deepEqual(Object.keys(first).sort(),
    ['gpai', 'kind', 'needsReview', 'obligations', 'rulesVersion', 'system', 'tier']);
  assert.equal(first.system, 'Applicant ranking');
  assert.equal(first.gpai, 'none');
  assert.ok((await kit.locator('.ak-rules-version').innerText()).includes(first.rulesVersion), 'the rules version shown');
  assert.equal(first.tier, await kit.locator('[data-tier]').getAttribute('data-tier'), 'the tier shown');

  // Answering changes the result: a new event with the new tier.
  const before = (await results('triage')).length;
  await kit.locator('#ak-q-ai_system-no').check();
  await page.waitForFunction((n) => window.aimskitEvents.filter((e) => e.detail?.kind === 'triage').length > n, before);
  const answered = (await results('triage')).at(-1);
  assert.equal(answered.tier, 'not_ai_system');
  assert.equal(answered.obligations, 0);
  assert.equal(await kit.locator('[data-tier]').getAttribute('data-tier'), 'not_ai_system');
  assert.equal(typeof answered.needsReview, 'number');

  // The AIMS view shows the gap result.
  await kit.locator('#ak-tab-aims').click();
  await page.waitForFunction(() => window.aimskitEvents.some((e) => e.detail?.kind === 'gap'));
  const gap = (await results('gap')).at(-1);
  assert.deepEqual(Object.keys(gap).sort(), ['findings', 'kind', 'pdca', 'pitfalls', 'score']);
  assert.deepEqual(Object.keys(gap.pdca).sort(), ['act', 'check', 'do', 'plan']);
  assert.deepEqual(Object.keys(gap.findings).sort(), ['nonconformity', 'observation', 'opportunity']);
  assert.equal(gap.score.toFixed(1), await kit.locator('#ak-aims-score').getAttribute('data-score'));
  assert.ok(Array.isArray(gap.pitfalls));
  assert.deepEqual(problems(log), []);
  await context.close();
});

test('bad options are reported as an aimskit:error event with a code', async () => {
  const { context, page } = await openEmbed();
  const detail = await page.evaluate(() => new Promise((resolve) => {
    const el = document.createElement('aims-kit');
    el.setAttribute('lang', 'xx');
    el.addEventListener('aimskit:error', (e) => resolve(e.detail));
    document.body.prepend(el);
  }));
  assert.equal(detail.code, 'invalid_options');
  assert.match(detail.message, /xx/);
  await context.close();
});

test('lazy loading: the wasm is fetched only when the widget becomes visible', async () => {
  const { context, page, log } = await openPage(app.browser);
  await page.goto(`${app.server.origin}/examples/lazy.html`, { waitUntil: 'load' });
  await page.waitForTimeout(800);
  const before = log.requests.map((r) => new URL(r.url).pathname);
  assert.ok(before.includes('/dist/element.js'), 'loader not loaded');
  assert.ok(!before.some((p) => p.endsWith('.wasm') || p.endsWith('/aimskit.js')),
    `wasm or glue fetched before the widget was visible: ${before}`);
  await page.locator('#below').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById('below').shadowRoot?.querySelector('.aimskit-root h1'),
    null, { timeout: 15000 });
  const after = log.requests.map((r) => new URL(r.url).pathname);
  assert.ok(after.includes('/dist/aimskit_bg.wasm'));
  assert.deepEqual(problems(log), []);
  await context.close();
});

test('single file: dist/aimskit.html works from file:// under its strict CSP', async () => {
  const html = await readFile(join(DIST, 'aimskit.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  for (const d of ["default-src 'none'", "connect-src 'none'", "script-src 'wasm-unsafe-eval' 'sha256-"]) {
    assert.ok(csp.includes(d), `CSP lacks ${d}`);
  }
  assert.ok(!csp.includes('unsafe-inline') && !csp.includes("'self'"));
  assert.doesNotMatch(html, /<script[^>]*\bsrc=|<link[^>]*rel="stylesheet"/, 'must not load other files');

  const { context, page, log } = await openPage(app.browser);
  const url = pathToFileURL(join(DIST, 'aimskit.html')).href;
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('#aimskit h1').waitFor({ timeout: 15000 });
  const text = await page.locator('#aimskit').innerText();
  assert.match(text, /Runs entirely in your browser\. Nothing you enter leaves this device\./);
  await page.waitForTimeout(500);
  assert.deepEqual(log.requests.map((r) => r.url).filter((u) => u !== url && !u.startsWith('data:')), []);
  assert.deepEqual(problems(log), []);
  assert.deepEqual(log.csp, []);
  await context.close();
});

test('single file: also works served from an intranet web server', async () => {
  const { context, page, log } = await openPage(app.browser);
  await page.goto(`${app.server.origin}/dist/aimskit.html`, { waitUntil: 'load' });
  await page.locator('#aimskit h1').waitFor({ timeout: 15000 });
  assert.deepEqual(problems(log), []);
  assert.deepEqual(log.csp, []);
  assert.equal(log.requests.filter((r) => r.url.startsWith('http')).length, 1, 'only the page itself');
  await context.close();
});
