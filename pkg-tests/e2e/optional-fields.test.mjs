// End-to-end: the questions for the optional system-file fields (Art. 111(2)
// placing date, significant change, public authorities) in dist/, driven
// through the UI in headless Chromium. A high-risk provider first shows a
// review item naming the placing-date question. Placed before 2 December
// 2027 with the design change not said ("not sure"), the normal date stays
// and the review names the significant-change question (Art. 111(2) is not
// assumed); "no significant change" with public use not said gives the
// public-authority date and a review on that question; "not for public
// authorities" removes the Art. 16 duty, "for public authorities" moves it
// to 2030-08-02. "Not sure" survives a reload as "not sure", the report
// shows the moved dates and the TOML/JSON exports carry the fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, problems, useDist } from '../lib/harness.mjs';

const app = useDist();

const STEPS = [
  ['ai_system', ['yes']], ['roles', ['provider']], ['established_in_eu', ['yes']],
  ['eu_nexus', ['placed_on_market']], ['exclusions', []], ['art5', []], ['annex_i', []],
  ['annex_iii', ['4-a']], ['art6_3', []], ['value_chain', []], ['art50', []],
];
const PLACING_Q = 'When was this type and model of the system first placed on the market or put into service in the EU?';
const CHANGE_Q = 'Has its design changed significantly since the high-risk obligations started to apply to it?';
const PUBLIC_Q = 'Is the system intended to be used by public authorities?';

async function load(page) {
  await page.goto(`${app.server.origin}/`, { waitUntil: 'load' });
  await page.locator('#aimskit h1').waitFor({ timeout: 15000 });
}

async function next(page) {
  if (!(await page.locator('#ak-next').isDisabled())) await page.locator('#ak-next').click();
}

const art16 = (page) => page.locator('.ak-result tr[data-obligation="hr.provider_obligations"]');
const reviews = (page) => page.locator('.ak-result .ak-review .ak-review-q');
async function reviewFor(page, question) {
  await reviews(page).filter({ hasText: question }).waitFor({ timeout: 5000 });
  assert.deepEqual(await reviews(page).allInnerTexts(), [question]);
}

async function exported(page, id) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(id).click()]);
  return readFile(await download.path(), 'utf8');
}

test('answering the placing-date questions of a high-risk system resolves its review and moves its dates', async () => {
  const { context, page, log } = await openPage(app.browser, { viewport: { width: 1280, height: 900 } });
  await load(page);
  await page.locator('#ak-tab-inventory').click();
  await page.locator('#ak-new-name').fill('CV ranking');
  await page.locator('.ak-new button[type=submit]').click();
  await page.locator('#ak-triage-title', { hasText: 'CV ranking' }).waitFor();
  for (const [id, choices] of STEPS) {
    await page.locator(`fieldset#ak-q-${id}`).waitFor({ timeout: 5000 });
    for (const choice of choices) await page.locator(`#ak-q-${id}-${choice}`).check();
    await next(page);
  }

  // Before: high risk, Art. 16 from 2027-12-02, and a review item that names the question.
  assert.equal(await page.locator('.ak-result [data-tier]').getAttribute('data-tier'), 'high_risk');
  assert.match(await art16(page).innerText(), /2027-12-02/);
  assert.deepEqual(await reviews(page).allInnerTexts(), [PLACING_Q]);

  // The flow asks the placing date next; "not sure" keeps the review.
  const date = page.locator('#ak-q-first_placed_on_market-input');
  await date.waitFor({ timeout: 5000 });
  assert.equal(await page.locator('fieldset#ak-q-first_placed_on_market legend').innerText(), PLACING_Q);
  await page.locator('#ak-q-first_placed_on_market-unsure').check();
  assert.ok(await page.locator('#ak-q-first_placed_on_market-unsure').isChecked());
  assert.deepEqual(await reviews(page).allInnerTexts(), [PLACING_Q], 'not sure keeps the review');

  // Placed on 2025-06-01, design change not said: not exempt. Art. 16 keeps
  // 2027-12-02 and the review names the significant-change question.
  await date.fill('2025-06-01');
  await date.dispatchEvent('change');
  await next(page);
  await page.locator('fieldset#ak-q-significant_change').waitFor({ timeout: 5000 });
  await reviewFor(page, CHANGE_Q);
  assert.match(await art16(page).innerText(), /2027-12-02/);
  assert.match(await page.locator('.ak-result .ak-review').innerText(), /Art\. 111\(2\)/);
  await page.locator('#ak-q-significant_change-unsure').check();
  assert.ok(await page.locator('#ak-q-significant_change-unsure').isChecked());
  await reviewFor(page, CHANGE_Q);
  assert.match(await art16(page).innerText(), /2027-12-02/, 'not sure is not "no"');

  // No significant change, public use not said: the public-authority date.
  await page.locator('#ak-q-significant_change-no').check();
  await reviewFor(page, PUBLIC_Q);
  assert.match(await art16(page).innerText(), /2030-08-02/);
  await next(page);
  await page.locator('fieldset#ak-q-for_public_authorities').waitFor({ timeout: 5000 });
  await page.locator('#ak-q-for_public_authorities-unsure').check();
  await reviewFor(page, PUBLIC_Q);

  // Saved: "not sure" is left out of the file; a reload shows it selected.
  let stored = await page.evaluate(() => JSON.parse(localStorage.getItem('aimskit.store')));
  let file = stored.systems[0].file;
  assert.equal(file.first_placed_on_market, '2025-06-01');
  assert.equal(file.significant_change, false, 'a given "no" is kept');
  assert.equal('for_public_authorities' in file, false, 'not sure = left out');
  assert.ok(stored.systems[0].answered.includes('for_public_authorities'));
  await load(page);
  await page.locator('#ak-tab-inventory').click();
  await page.locator('.ak-open', { hasText: 'CV ranking' }).click();
  await reviewFor(page, PUBLIC_Q);
  await page.locator('.ak-question-list button', { hasText: PUBLIC_Q }).click();
  await page.locator('fieldset#ak-q-for_public_authorities').waitFor({ timeout: 5000 });
  assert.ok(await page.locator('#ak-q-for_public_authorities-unsure').isChecked(), 'not sure after reload');
  assert.equal(await page.locator('#ak-q-for_public_authorities-no').isChecked(), false);
  await page.locator('.ak-question-list button', { hasText: CHANGE_Q }).click();
  await page.locator('fieldset#ak-q-significant_change').waitFor({ timeout: 5000 });
  assert.ok(await page.locator('#ak-q-significant_change-no').isChecked(), 'no after reload');
  await page.locator('.ak-question-list button', { hasText: PUBLIC_Q }).click();
  await page.locator('fieldset#ak-q-for_public_authorities').waitFor({ timeout: 5000 });

  // Not for public authorities: Art. 111(2) exempts it; nothing to review.
  await page.locator('#ak-q-for_public_authorities-no').check();
  await reviews(page).first().waitFor({ state: 'detached' });
  assert.equal(await page.locator('.ak-result .ak-review').count(), 0, 'review resolved');
  assert.equal(await art16(page).count(), 0, 'Art. 111(2): no high-risk obligations');
  assert.equal(await page.locator('.ak-result [data-tier]').getAttribute('data-tier'), 'high_risk');
  assert.match(await page.locator('.ak-trace').innerText(), /Art\. 111\(2\)/);

  // Intended for public authorities: the high-risk duties apply from 2030-08-02.
  await page.locator('#ak-q-for_public_authorities-yes').check();
  await art16(page).waitFor();
  assert.match(await art16(page).innerText(), /2030-08-02/);
  assert.equal(await page.locator('.ak-result .ak-review').count(), 0);

  // Saved and reloaded: the same result.
  stored = await page.evaluate(() => JSON.parse(localStorage.getItem('aimskit.store')));
  file = stored.systems[0].file;
  assert.equal(file.for_public_authorities, true);
  assert.equal(file.significant_change, false);
  await load(page);
  await page.locator('#ak-tab-inventory').click();
  await page.locator('.ak-open', { hasText: 'CV ranking' }).click();
  assert.match(await art16(page).innerText(), /2030-08-02/);
  assert.equal(await page.locator('.ak-result .ak-review').count(), 0);

  // The report lists the moved dates and no open review for the system.
  await page.locator('#ak-tab-report').click();
  const row = page.locator('.ak-report tr[data-system="CV ranking"]');
  assert.match(await row.innerText(), /2030-08-02/);
  assert.equal(await row.locator('.ak-review').count(), 0);
  await page.locator('#ak-tab-inventory').click();
  await page.locator('.ak-open', { hasText: 'CV ranking' }).click();

  // The exports carry the optional fields.
  const toml = await exported(page, '#ak-export-toml');
  assert.match(toml, /^first_placed_on_market = "2025-06-01"$/m);
  assert.match(toml, /^significant_change = false$/m);
  assert.match(toml, /^for_public_authorities = true$/m);
  const json = JSON.parse(await exported(page, '#ak-export-json'));
  assert.equal(json.first_placed_on_market, '2025-06-01');
  assert.equal(json.significant_change, false);
  assert.equal(json.for_public_authorities, true);

  assert.deepEqual(problems(log), []);
  await context.close();
});
