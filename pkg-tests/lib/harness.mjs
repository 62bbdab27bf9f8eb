// Shared test harness: a static file server on 127.0.0.1 and a headless
// Debian Chromium driven by playwright-core, with a request log.
import { createServer } from 'node:http';
import { after, before } from 'node:test';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(ROOT, 'dist');
export const PKG = join(ROOT, 'web', 'pkg');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves `mounts` ({ urlPrefix: directory }) on 127.0.0.1 at a free port.
 * `hits` counts the requests the server received per path.
 */
export async function serve(mounts) {
  const table = Object.entries(typeof mounts === 'string' ? { '/': mounts } : mounts)
    .sort((a, b) => b[0].length - a[0].length);
  const hits = new Map();
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      hits.set(path, (hits.get(path) ?? 0) + 1);
      const hit = table.find(([prefix]) => path.startsWith(prefix));
      if (!hit) throw new Error('no mount');
      const [prefix, dir] = hit;
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (file !== dir && !file.startsWith(dir + sep)) throw new Error('outside root');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, hits, close: () => new Promise((ok) => server.close(ok)) };
}

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium with no background traffic of its own. */
export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--allow-file-access-from-files',
    ],
  });
}

/**
 * A fresh context + page that records every request, console message, page
 * error and CSP violation. Service workers are blocked.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  const log = { requests: [], console: [], errors: [], csp: [] };
  context.on('request', (r) => log.requests.push({ url: r.url(), at: Date.now() }));
  page.on('console', (m) => log.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => log.errors.push(String(e)));
  await page.exposeBinding('__aimskitCsp', (_src, v) => log.csp.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__aimskitCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { context, page, log };
}

/** Console errors and page errors, as strings (empty when clean). */
export function problems(log) {
  return [
    ...log.console.filter((m) => m.type === 'error').map((m) => `console.error: ${m.text}`),
    ...log.errors.map((e) => `pageerror: ${e}`),
  ];
}

/**
 * Registers node:test `before`/`after` hooks that serve `dist/` and launch
 * Chromium, then close both. Returns an object whose `server` and `browser`
 * are filled in once the `before` hook has run.
 */
export function useDist() {
  return useServer(DIST);
}

/** Like `useDist`, serving `mounts` (a directory or { urlPrefix: directory }). */
export function useServer(mounts) {
  const app = { server: undefined, browser: undefined };
  before(async () => {
    app.server = await serve(mounts);
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
