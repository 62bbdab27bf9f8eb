// End-to-end check of dist/: the shell renders under the page's own CSP, with
// no console errors, nothing fetched from another origin and nothing after load.
// One file per screen: add e2e/<screen>.test.mjs next to this one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, openPage, problems, useDist } from '../lib/harness.mjs';

const REQUIRED_CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
  "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'none'",
  "form-action 'none'",
];

const app = useDist();

async function loadShell() {
  const session = await openPage(app.browser);
  const { page } = session;
  await page.goto(`${app.server.origin}/`, { waitUntil: 'load' });
  await page.locator('#aimskit h1').waitFor({ timeout: 15000 });
  await page.waitForLoadState('networkidle');
  return session;
}

test('dist/index.html carries the strict CSP and a request-free favicon', async () => {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(csp, 'CSP meta tag missing');
  for (const directive of REQUIRED_CSP) assert.ok(csp[1].includes(directive), `CSP lacks ${directive}`);
  assert.match(html, /<link rel="icon" href="data:,">/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'inline scripts are not allowed');
});

test('the shell renders: name, purpose, privacy promise, not legal advice, entry points', async () => {
  const { context, page, log } = await loadShell();
  const text = await page.locator('#aimskit').innerText();
  assert.match(text, /aimskit/);
  assert.match(text, /Runs entirely in your browser\. Nothing you enter leaves this device\./);
  assert.match(text, /not legal advice/i);
  for (const entry of [/AI Act triage/i, /AIMS gap analysis/i, /Open a file/i]) {
    assert.match(text, entry, `entry point ${entry} missing`);
  }
  assert.deepEqual(problems(log), []);
  assert.deepEqual(log.csp, [], 'the page itself must not violate its CSP');
  await context.close();
});

test('no request to another origin, none after load', async () => {
  const { context, page, log } = await loadShell();
  const origin = new URL(page.url()).origin;
  const foreign = log.requests.filter((r) => !r.url.startsWith(`${origin}/`) && !r.url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests to another origin');
  const paths = log.requests.map((r) => new URL(r.url).pathname).sort();
  assert.ok(paths.includes('/aimskit_bg.wasm'), `wasm not loaded: ${paths}`);
  assert.ok(!paths.includes('/favicon.ico'), 'favicon must not cause a request');

  // Interact with the shell and wait: nothing more may be requested.
  const loaded = log.requests.length;
  for (const button of await page.locator('#aimskit button').all()) {
    if (await button.isVisible()) await button.click();
  }
  await page.waitForTimeout(1500);
  assert.deepEqual(log.requests.slice(loaded).map((r) => r.url), [], 'requests after load');
  assert.deepEqual(problems(log), []);
  await context.close();
});

test('the CSP is honoured: no inline script, no foreign fetch; no service worker registered', async () => {
  const { context, page, log } = await loadShell();
  const outcome = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
    let fetchBlocked = false;
    try { await fetch('https://example.invalid/probe'); } catch { fetchBlocked = true; }
    await new Promise((r) => setTimeout(r, 100));
    return {
      inlineRan: window.__inlineRan === true,
      fetchBlocked,
      serviceWorkers: navigator.serviceWorker
        ? (await navigator.serviceWorker.getRegistrations()).length
        : 0,
    };
  });
  assert.equal(outcome.inlineRan, false, 'an inline script ran despite the CSP');
  assert.equal(outcome.fetchBlocked, true, 'a fetch to another origin was not blocked');
  // The context blocks service workers (openPage); the app must not register any either.
  assert.equal(outcome.serviceWorkers, 0, 'the page registered a service worker');
  assert.ok(log.csp.some((v) => v.startsWith('script-src')), `no script-src violation seen: ${log.csp}`);
  assert.ok(log.csp.some((v) => v.startsWith('connect-src')), `no connect-src violation seen: ${log.csp}`);
  assert.ok(!log.requests.some((r) => r.url.includes('example.invalid')), 'the foreign fetch left the page');
  await context.close();
});
