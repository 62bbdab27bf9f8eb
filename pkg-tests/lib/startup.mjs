// Startup timing in the page, without Playwright in the way: an init script
// marks the phases of the widget's startup and hands them to node as one
// console message once the first frame with the widget has been painted.
// Nothing of Playwright's (locators, waitForFunction, evaluate) runs in the
// page before that, so the timings are what a real user gets.
import { openPage } from './harness.mjs';
import { stubPrint } from './session.mjs';

const MARK = 'aimskit-perf ';

/** The phases `coldStart` reports, in order (ms since navigation start). */
export const PHASES = ['instantiated', 'mounted', 'rendered', 'frame', 'interactive'];

/**
 * Init script: marks the startup phases (performance.now(), i.e. ms since
 * navigation start), keeps the wasm memory, and logs the marks once the first
 * frame with the widget has been painted.
 */
export function startupProbe(mark) {
  const marks = {};
  const keep = (r) => {
    const inst = r.instance ?? r;
    if (inst instanceof WebAssembly.Instance) {
      marks.instantiated ??= performance.now();
      for (const v of Object.values(inst.exports)) {
        if (v instanceof WebAssembly.Memory) {
          window.__akMemory = v;
          marks.initialMemory ??= v.buffer.byteLength;
        }
      }
    }
    return r;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[name];
    WebAssembly[name] = (...args) => orig.apply(WebAssembly, args).then(keep);
  }
  addEventListener('aimskit:ready', () => { marks.mounted ??= performance.now(); }, true);
  const found = () => {
    const host = document.getElementById('aimskit');
    return (host?.shadowRoot ?? host)?.querySelector?.('#ak-new-name');
  };
  const observer = new MutationObserver(() => {
    if (found()) { marks.rendered = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true });
  const poll = () => {
    if (!found()) { requestAnimationFrame(poll); return; }
    marks.frame = performance.now();
    // A message posted from the frame's rAF arrives once that frame is painted.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      marks.interactive = performance.now();
      console.log(mark + JSON.stringify(marks));
    };
    channel.port2.postMessage(0);
  };
  requestAnimationFrame(poll);
}

/** A fresh page with the probe and a CPU slowed down `rate` times. */
export async function throttled(browser, rate) {
  const { context, page, log } = await openPage(browser, { acceptDownloads: true });
  await page.addInitScript(startupProbe, MARK);
  await page.addInitScript(stubPrint);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page, log, cdp };
}

/**
 * Loads `url` in a fresh context at `rate`x CPU and resolves, once the widget
 * is interactive, to the session and the page's startup marks:
 * { instantiated, mounted, rendered, frame, interactive, initialMemory }.
 */
export async function coldStart(browser, url, rate = 4) {
  const session = await throttled(browser, rate);
  const message = session.page.waitForEvent('console', {
    predicate: (m) => m.text().startsWith(MARK), timeout: 30000,
  });
  await session.page.goto(url, { waitUntil: 'commit' });
  const marks = JSON.parse((await message).text().slice(MARK.length));
  return { ...session, marks };
}
