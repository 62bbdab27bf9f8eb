// End-to-end: the triage questionnaire and the inventory in dist/, driven
// through the UI in headless Chromium. Three systems (prohibited, high-risk
// with FRIA, transparency only): tier and obligations shown, saved across a
// reload, export -> clear -> import gives the same results, and no request
// leaves the page. Screenshots of the main screens go to pkg-tests/artifacts/.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, openPage, problems, useDist } from '../lib/harness.mjs';

const ARTIFACTS = join(ROOT, 'pkg-tests', 'artifacts');

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
});
const app = useDist();

// Each system: the questions in the order the flow asks them, and what to tick.
// A question id maps to `fieldset#ak-q-<id>`; a choice to `#ak-q-<id>-<choice>`.
const SYSTEMS = [
  {
    name: 'Mood monitor',
    steps: [
      ['ai_system', ['yes']], ['roles', ['deployer']], ['established_in_eu', ['yes']],
      ['eu_nexus', []], ['exclusions', []], ['art5', ['5-1-f']], ['art5_exceptions', []],
    ],
    tier: 'prohibited',
    obligations: ['prohibited.5.1.f', 'ai_literacy'],
  },
  {
    name: 'Credit scoring',
    steps: [
      ['ai_system', ['yes']], ['roles', ['deployer']], ['established_in_eu', ['yes']],
      ['eu_nexus', []], ['exclusions', []], ['art5', []], ['annex_i', []], ['annex_iii', ['5-b']],
      ['art6_3', []], ['value_chain', []], ['art50', []],
      ['public_body', ['no']], ['workplace_use', ['no']],
    ],
    tier: 'high_risk',
    obligations: ['hr.fria', 'hr.deployer_use'],
  },
  {
    name: 'Support chatbot',
    steps: [
      ['ai_system', ['yes']], ['roles', ['provider']], ['established_in_eu', ['yes']],
      ['eu_nexus', ['placed_on_market']], ['exclusions', []], ['art5', []], ['annex_i', []],
      ['annex_iii', []], ['art50', ['50-1']], ['art50_exceptions', []], ['gpai-provider', ['no']],
    ],
    tier: 'limited',
    obligations: ['transparency.interaction'],
  },
];

async function load(page) {
  await page.goto(`${app.server.origin}/`, { waitUntil: 'load' });
  await page.locator('#aimskit h1').waitFor({ timeout: 15000 });
}

async function triage(page, system) {
  await page.locator('#ak-tab-inventory').click();
  await page.locator('#ak-new-name').fill(system.name);
  await page.locator('.ak-new button[type=submit]').click();
  await page.locator('#ak-triage-title', { hasText: system.name }).waitFor();
  for (const [id, choices] of system.steps) {
    await page.locator(`fieldset#ak-q-${id}`).waitFor({ timeout: 5000 });
    for (const choice of choices) await page.locator(`#ak-q-${id}-${choice}`).check();
    if (!(await page.locator('#ak-next').isDisabled())) await page.locator('#ak-next').click();
  }
  await expectResult(page, system);
}

async function expectResult(page, system) {
  const tier = page.locator('.ak-result [data-tier]');
  assert.equal(await tier.getAttribute('data-tier'), system.tier, `${system.name}: tier`);
  for (const id of system.obligations) {
    assert.equal(await page.locator(`.ak-result tr[data-obligation="${id}"]`).count(), 1, `${system.name}: ${id} shown`);
  }
}

async function inventoryTiers(page) {
  await page.locator('#ak-tab-inventory').click();
  const rows = page.locator('.ak-table tbody tr');
  const out = {};
  for (const row of await rows.all()) {
    const name = await row.getAttribute('data-system');
    out[name] = (await row.locator('.ak-pill').getAttribute('class')).match(/ak-tier-(\w+)/)[1];
  }
  return out;
}

test('triage three systems, reload, export, clear, import: same results, no request leaves the page', async () => {
  const { context, page, log } = await openPage(app.browser, { viewport: { width: 1280, height: 900 } });
  await load(page);
  await page.waitForLoadState('networkidle');
  const loaded = log.requests.length;

  for (const system of SYSTEMS) {
    await triage(page, system);
    await page.screenshot({ path: join(ARTIFACTS, `triage-${system.tier}.png`), fullPage: true });
  }
  const expected = Object.fromEntries(SYSTEMS.map((s) => [s.name, s.tier]));
  assert.deepEqual(await inventoryTiers(page), expected);
  assert.match(await page.locator('.ak-chart svg').getAttribute('aria-label'), /Prohibited: 1.*High risk: 1.*Transparency duties: 1/);
  await page.screenshot({ path: join(ARTIFACTS, 'inventory.png'), fullPage: true });

  // Saved: a reload finds every system with the same tier.
  await load(page);
  assert.deepEqual(await inventoryTiers(page), expected, 'after reload');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('aimskit.store')));
  assert.equal(stored.format, 'aimskit-store/1');
  assert.equal(stored.systems.length, 3);
  const afterReload = log.requests.length;

  // Export the inventory, delete everything, import the file back.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#ak-export-all').click()]);
  assert.equal(download.suggestedFilename(), 'aimskit-inventory.json');
  const exported = join(ARTIFACTS, 'aimskit-inventory.json');
  await download.saveAs(exported);
  const doc = JSON.parse(await readFile(exported, 'utf8'));
  assert.equal(doc.format, 'aimskit-inventory/1');
  assert.deepEqual(doc.systems.map((s) => s.format), Array(3).fill('aimskit-system/1'));

  for (const name of Object.keys(expected)) {
    await page.getByRole('button', { name: `Delete ${name}` }).click();
  }
  await page.locator('.ak-empty').waitFor();
  await page.locator('input[type=file]').setInputFiles(exported);
  await page.locator('.ak-dialog').waitFor();
  assert.equal(await page.locator('.ak-import-list li').count(), 3, 'the preview lists what will be added');
  await page.screenshot({ path: join(ARTIFACTS, 'import-preview.png'), fullPage: true });
  assert.equal(await page.locator('.ak-table').count(), 0, 'nothing imported before confirmation');
  await page.locator('.ak-dialog .ak-primary').click();
  assert.deepEqual(await inventoryTiers(page), expected, 'after export, clear and import');
  for (const system of SYSTEMS) {
    await page.locator('.ak-open', { hasText: system.name }).click();
    await expectResult(page, system);
    await page.locator('#ak-tab-inventory').click();
  }

  // Nothing left the page after load (downloads are blob: URLs, local).
  const after = log.requests.slice(loaded).filter((r) => !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
  const reloadAssets = log.requests.slice(loaded, afterReload).map((r) => new URL(r.url).origin);
  assert.ok(reloadAssets.every((o) => o === app.server.origin), 'the reload only fetched our own assets');
  assert.deepEqual(after.slice(afterReload - loaded).map((r) => r.url), [], 'requests after the reload');
  assert.deepEqual(problems(log), []);
  await context.close();
});

test('German interface, keyboard answers, and a corrupted store is kept and reported', async () => {
  const { context, page, log } = await openPage(app.browser, { viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('aimskit.store', '{"format":"aimskit-store/9","systems":[]}');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await load(page);
  // dist/index.html passes lang="en" explicitly; switch to German in the header.
  await page.locator('#ak-lang-select').selectOption('de');
  const text = await page.locator('#aimskit').innerText();
  assert.match(text, /keine Rechtsberatung/);
  assert.match(text, /neueren aimskit-Version/, 'the newer store is reported');
  assert.equal(await page.evaluate(() => localStorage.getItem('aimskit.store')),
    '{"format":"aimskit-store/9","systems":[]}', 'never overwritten');

  await page.locator('#ak-new-name').fill('Bewerber-Ranking');
  await page.keyboard.press('Enter');
  await page.locator('fieldset#ak-q-ai_system legend', { hasText: 'Leitet das System' }).waitFor();
  await page.locator('#ak-q-ai_system-yes').focus();
  await page.keyboard.press('Space');
  assert.ok(await page.locator('#ak-q-ai_system-yes').isChecked(), 'Space answers');
  // A radio group is one tab stop: Tab leaves it for "Weiter" (Back is disabled on question 1).
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'ak-next');
  await page.keyboard.press('Enter');
  await page.locator('fieldset#ak-q-roles').waitFor();
  await page.locator('#ak-q-roles-provider').focus();
  await page.keyboard.press('Space');
  assert.ok(await page.locator('#ak-q-roles-provider').isChecked(), 'checkboxes work by keyboard');
  assert.equal(await page.evaluate(() => localStorage.getItem('aimskit.store')),
    '{"format":"aimskit-store/9","systems":[]}', 'still not overwritten after changes');
  await page.screenshot({ path: join(ARTIFACTS, 'triage-de.png'), fullPage: true });
  assert.deepEqual(problems(log), []);
  await context.close();
});
