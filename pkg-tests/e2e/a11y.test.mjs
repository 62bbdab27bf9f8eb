// Accessibility (issue 8): axe-core (pinned in package.json) on every screen
// in English and German — zero serious or critical violations — and a
// keyboard-only walk through a full triage that checks focus order (document
// order) and a visible focus indicator on every focused element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, openPage, useDist } from '../lib/harness.mjs';
import { stubPrint, waitReady, triageSystem, importSystem } from '../lib/session.mjs';

const AXE = await readFile(join(ROOT, 'pkg-tests', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const app = useDist();

async function axe(page) {
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}

const SCREENS = [
  ['inventory', async (p) => p.click('#ak-tab-inventory')],
  ['triage', async (p) => { await p.click('#ak-tab-inventory'); await p.locator('.ak-inventory tbody tr a, .ak-inventory tbody tr button').first().click().catch(() => p.click('#ak-tab-triage')); await p.click('#ak-tab-triage'); }],
  ['aims overview', async (p) => { await p.click('#ak-tab-aims'); await p.click('#ak-aims-overview'); }],
  ['aims item editor', async (p) => { await p.click('#ak-tab-aims'); await p.click('button.ak-nav-item[data-item="A.5.2"]'); }],
  ['impact list', async (p) => p.click('#ak-tab-impact')],
  ['impact worksheet', async (p) => { await p.click('#ak-tab-impact'); await p.locator('.ak-impact-list tbody tr button').first().click(); }],
  ['report', async (p) => p.click('#ak-tab-report')],
];

test('axe-core: no serious or critical violation on any screen, in English and German', async () => {
  // axe is injected as a script: this test bypasses the page CSP (the CSP
  // itself is tested by privacy.test.mjs).
  const { context, page } = await openPage(app.browser, { bypassCSP: true });
  page.setDefaultTimeout(8000);
  await page.addInitScript(stubPrint);
  await page.goto(`${app.server.origin}/`);
  await waitReady(page);
  await page.addScriptTag({ content: AXE });
  await triageSystem(page, 'CV screener', [0, 0, 0, 0]);
  await importSystem(page, join(ROOT, 'core', 'tests', 'fixtures', 'v1', 'system.toml'));
  const found = [];
  let screens = 0;
  for (const lang of ['English', 'Deutsch']) {
    await page.selectOption('#ak-lang-select', { label: lang });
    for (const [name, open] of SCREENS) {
      await open(page);
      await page.waitForTimeout(100);
      screens++;
      for (const v of await axe(page)) {
        if (v.impact === 'serious' || v.impact === 'critical') found.push({ screen: `${name} (${lang})`, ...v });
        else console.log(`# a11y: minor (${v.impact}) on ${name} (${lang}): ${v.id}: ${v.help} ${v.nodes.join(', ')}`);
      }
    }
  }
  console.log(`# a11y: axe-core ${JSON.parse(await readFile(join(ROOT, 'pkg-tests', 'node_modules', 'axe-core', 'package.json'), 'utf8')).version} on ${screens} screens (7 screens x en/de): ${found.length} serious/critical violations`);
  for (const f of found) console.log(`# a11y: ${f.impact}: ${f.screen}: ${f.id}: ${f.help} at ${f.nodes.join(', ')}`);
  assert.deepEqual(found, [], 'serious or critical axe violations');
  await context.close();
});

/** The deeply focused element (through shadow roots) and its focus styling. */
async function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const visible = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
    // A stable description and the position in document order.
    const all = [...(document.getElementById('aimskit').shadowRoot ?? document).querySelectorAll('*')];
    return { tag: el.tagName.toLowerCase(), id: el.id, text: (el.textContent || el.value || '').trim().slice(0, 30), visible, index: all.indexOf(el) };
  });
}

test('keyboard only: a full triage with Tab/Space/Enter, focus in document order and always visible', async () => {
  const { context, page } = await openPage(app.browser);
  page.setDefaultTimeout(8000);
  await page.goto(`${app.server.origin}/`);
  await waitReady(page);
  const seen = [];
  const tabTo = async (pred, max = 60, key = 'Tab') => {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(key);
      const f = await focused(page);
      if (f) seen.push(f);
      if (f && pred(f)) return f;
    }
    throw new Error(`not reached by Tab: ${JSON.stringify(seen.slice(-5))}`);
  };
  // Forward Tab order through the start screen is document order.
  const start = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && start.length && f.index === start[0].index) break; // wrapped around: one full cycle
    if (f) start.push(f);
  }
  assert.ok(start.length >= 8, `Tab reaches the controls: ${start.map((f) => f.id || f.text)}`);
  console.log(`# a11y: Tab cycle on the start screen: ${start.map((f) => f.id || f.text).join(' > ')}`);
  for (let i = 1; i < start.length; i++) assert.ok(start[i].index > start[i - 1].index, `focus order: ${start[i - 1].id || start[i - 1].text} -> ${start[i].id || start[i].text}`);
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement?.blur());
  await tabTo((f) => f.id === 'ak-new-name');
  await page.keyboard.type('Keyboard system');
  await page.keyboard.press('Enter');
  await page.locator('#ak-triage-title', { hasText: 'Keyboard system' }).waitFor();
  let answered = 0;
  // Per question: Tab from the description to the question's first control,
  // Space to answer, Tab to Next, Enter. From Next, Shift+Tab back into the
  // next question (the question comes before the step buttons).
  await tabTo((f) => f.tag === 'input' && f.id.startsWith('ak-q-'));
  for (let step = 0; step < 12; step++) {
    await page.keyboard.press('Space');
    answered++;
    await tabTo((f) => f.id === 'ak-next', 40);
    if (await page.locator('#ak-next').isDisabled()) break;
    await page.keyboard.press('Enter');
    await tabTo((f) => f.tag === 'input' && f.id.startsWith('ak-q-'), 40, 'Shift+Tab');
  }
  const tier = await page.locator('.ak-live .ak-tier').getAttribute('data-tier');
  assert.ok(tier, 'the result shows a tier');
  const invisible = seen.filter((f) => !f.visible);
  console.log(`# a11y: keyboard walk: ${answered} answer steps, ${seen.length} focus stops, ${invisible.length} without a visible focus indicator; result tier ${tier}`);
  assert.deepEqual(invisible.map((f) => `${f.tag}#${f.id} ${f.text}`), [], 'focus must be visible');
  await context.close();
});
