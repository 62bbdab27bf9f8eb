// Privacy, proven (issue 8): a full session in headless Chromium — triage of
// several systems (typed and imported), the AIMS gap analysis, an impact
// worksheet, every export, an import, the print view and a language switch —
// under the strict CSP of dist/ (served over http) and of the single-file
// build (opened from file://), with service workers blocked. Asserts: zero
// requests after load, zero requests to another origin ever, zero CSP
// violations, no console errors. Then the same session again with the
// browser offline after load: same results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ROOT, openPage, problems, useDist } from '../lib/harness.mjs';
import { fullSession, stubPrint, waitReady } from '../lib/session.mjs';

const IMPORT = join(ROOT, 'core', 'tests', 'fixtures', 'v1', 'system.toml');
const app = useDist();

/** Network requests only: blob:/data: URLs never leave the page. */
const network = (reqs) => reqs.filter((r) => !/^(blob|data):/.test(r.url));

async function session(url, { offline }) {
  const { context, page, log } = await openPage(app.browser, { acceptDownloads: true });
  page.setDefaultTimeout(10000);
  await page.addInitScript(stubPrint);
  await page.goto(url, { waitUntil: 'load' });
  await waitReady(page);
  if (url.startsWith('http')) await page.waitForLoadState('networkidle');
  const loaded = log.requests.length;
  if (offline) await context.setOffline(true);
  const result = await fullSession(page, { importFile: IMPORT });
  await page.waitForTimeout(500);
  // A probe: the CSP must block a foreign fetch even if a script tried one.
  const probe = await page.evaluate(async () => {
    try { await fetch('https://example.com/leak'); return 'fetched'; } catch { return 'blocked'; }
  });
  const all = network(log.requests);
  const origin = url.startsWith('http') ? new URL(url).origin : null;
  const foreign = all.filter((r) => (origin ? !r.url.startsWith(`${origin}/`) : !r.url.startsWith('file://'))
    && r.url !== 'https://example.com/leak');
  const after = network(log.requests.slice(loaded)).filter((r) => r.url !== 'https://example.com/leak');
  const csp = log.csp.filter((v) => !v.includes('example.com/leak'));
  await context.close();
  return { result, probe, foreign, after, csp, problems: problems(log).filter((p) => !/example\.com\/leak/.test(p)), loadRequests: loaded };
}

function check(name, s) {
  assert.deepEqual(s.foreign, [], `${name}: requests to another origin`);
  assert.deepEqual(s.after.map((r) => r.url), [], `${name}: requests after load`);
  assert.deepEqual(s.csp, [], `${name}: CSP violations`);
  assert.deepEqual(s.problems, [], `${name}: console errors`);
  assert.equal(s.probe, 'blocked', `${name}: a foreign fetch must be blocked`);
  const r = s.result;
  assert.equal(r.tiers.length, 3);
  assert.ok(r.results.inventory.length >= 4, `${name}: typed and imported systems are listed`);
  assert.ok(r.results.inventory.some((row) => /High risk/.test(row)), `${name}: the imported high-risk system is triaged`);
  assert.equal(r.exports.length, 6, `${name}: every export was downloaded`);
  assert.equal(r.print.prints, 1, `${name}: print was requested once`);
  assert.match(r.german, /KI-Verordnung/);
  assert.equal(r.results.org, 'Example University');
}

for (const [label, url] of [
  ['dist/ over http', () => `${app.server.origin}/`],
  ['single file from file://', () => pathToFileURL(join(DIST, 'aimskit.html')).href],
]) {
  test(`privacy: full session, ${label}: no request after load, none foreign, no CSP violation; same offline`, async () => {
    const online = await session(url(), { offline: false });
    check(`${label} (online)`, online);
    const offline = await session(url(), { offline: true });
    check(`${label} (offline)`, offline);
    assert.deepEqual(offline.result, online.result, `${label}: offline results equal online results`);
    console.log(`# privacy ${label}: ${online.loadRequests} requests during load, 0 after; offline run identical`);
  });
}
