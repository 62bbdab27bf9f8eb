// End-to-end: the AIMS self-assessment survives a reload (dist/ in headless
// Chromium). Rate items, reload, the same scores, statuses and entries are on
// screen; the stored value is the `aimskit-aims-store/1` envelope around the
// spec's AIMS file. A corrupted AIMS store is kept untouched and reported,
// and the inventory keeps saving.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, problems, useDist } from '../lib/harness.mjs';
import { rateItem } from '../lib/session.mjs';

const app = useDist();

async function load(page) {
  await page.goto(`${app.server.origin}/`, { waitUntil: 'load' });
  await page.locator('#aimskit h1').waitFor({ timeout: 15000 });
}

// What the overview shows, plus the entries of the management form.
async function screen(page) {
  await page.locator('#ak-tab-aims').click();
  await page.locator('#ak-aims-overview').click();
  return {
    score: await page.locator('#ak-aims-score').getAttribute('data-score'),
    chart: await page.locator('.ak-score-chart').getAttribute('aria-label'),
    pitfalls: await page.locator('.ak-overview [data-pitfall]').evaluateAll((els) => els.map((e) => e.dataset.pitfall)),
    soa: await page.locator('.ak-overview tr[data-control]').evaluateAll((els) => els.map((e) => [e.dataset.control, e.dataset.status])),
    organisation: await page.locator('#ak-org').inputValue(),
    scope: await page.locator('#ak-scope').inputValue(),
    certified: await page.locator('#ak-cert-iso27001').isChecked(),
  };
}

test('rate AIMS items, reload: the same scores on screen', async () => {
  const { context, page, log } = await openPage(app.browser, { viewport: { width: 1280, height: 900 } });
  await load(page);
  await page.locator('#ak-tab-aims').click();
  await page.locator('#ak-org').fill('Example AG');
  await page.locator('#ak-scope').fill('AI in HR');
  await page.locator('#ak-cert-iso27001').check();
  await rateItem(page, '5.2', 4, 'AI policy v3');
  await rateItem(page, '6.1.2', 3, 'AI risk procedure v1.2');
  await rateItem(page, '9.1', 1, null);
  await rateItem(page, 'A.5.2', 2, 'Impact procedure');
  const before = await screen(page);
  assert.notEqual(before.score, '0.0', `something was scored: ${before.score}`);
  assert.ok(before.pitfalls.includes('siloed_management_system'));

  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('aimskit.aims')));
  assert.equal(stored.format, 'aimskit-aims-store/1');
  assert.equal(stored.aims.format, 'aimskit-aims/1');
  assert.equal(stored.aims.organisation, 'Example AG');
  assert.equal(stored.aims.clauses['6.1.2'].maturity, 3);
  assert.deepEqual(stored.aims.clauses['6.1.2'].evidence, ['AI risk procedure v1.2']);
  assert.equal(stored.aims.systems, undefined, 'systems stay in the inventory store');

  await page.reload({ waitUntil: 'load' });
  await page.locator('#aimskit h1').waitFor({ timeout: 15000 });
  assert.deepEqual(await screen(page), before, 'after reload');
  await page.locator('.ak-nav-item[data-item="6.1.2"]').click();
  assert.ok(await page.locator('.ak-levels input[value="3"]').isChecked(), 'maturity restored');
  await page.locator('.ak-evidence li', { hasText: 'AI risk procedure v1.2' }).waitFor();
  assert.deepEqual(problems(log), []);
  await context.close();
});

test('a corrupted AIMS store is kept, reported, and never written over', async () => {
  const { context, page, log } = await openPage(app.browser, { viewport: { width: 1280, height: 900 } });
  const bad = '{"format":"aimskit-aims-store/1","aims":{"format":"aimskit-aims/1","organisation":"X","clauses":{"6.1.2":{"maturity":9}}}}';
  await page.addInitScript((raw) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('aimskit.aims', raw);
      sessionStorage.setItem('seeded', '1');
    }
  }, bad);
  await load(page);
  const banner = page.locator('.ak-banner[data-store="aims"]');
  assert.match(await banner.innerText(), /AIMS self-assessment .* could not be read/);
  assert.match(await banner.innerText(), /maturity/, 'the detail names the field');
  assert.equal(await page.locator('.ak-banner[data-store="inventory"]').count(), 0);

  await page.locator('#ak-tab-aims').click();
  await page.locator('#ak-org').fill('Other AG');
  await page.locator('#ak-tab-inventory').click();
  await page.locator('#ak-new-name').fill('Chatbot');
  await page.keyboard.press('Enter');
  await page.locator('#ak-tab-aims').click();
  assert.equal(await page.locator('#ak-org').inputValue(), 'Other AG', 'work continues in memory');
  assert.equal(await page.evaluate(() => localStorage.getItem('aimskit.aims')), bad, 'never overwritten');
  assert.match(await page.evaluate(() => localStorage.getItem('aimskit.store')), /Chatbot/, 'the inventory still saves');

  const [download] = await Promise.all([page.waitForEvent('download'), banner.locator('button').click()]);
  assert.equal(download.suggestedFilename(), 'aimskit-aims-backup.json');
  assert.deepEqual(problems(log), []);
  await context.close();
});
