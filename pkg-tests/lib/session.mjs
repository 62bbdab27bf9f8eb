// Drives a full aimskit session in the page through stable hooks (ids,
// data attributes and roles the UI code documents): triage of several
// systems, the AIMS gap analysis, an impact worksheet, exports, an import,
// the print view and a language switch. Returns a snapshot of the results
// so two runs (online / offline) can be compared.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Init script: window.print() records the call instead of opening a dialog. */
export function stubPrint() {
  window.__aimskitPrints = 0;
  window.print = () => { window.__aimskitPrints += 1; };
}

const W = '#aimskit';

export async function waitReady(page) {
  await page.locator('#ak-tab-inventory').waitFor({ timeout: 20000 });
}

/** Adds a system and answers `steps` questions with the given choice per step. */
export async function triageSystem(page, name, answers) {
  await page.click('#ak-tab-inventory');
  await page.fill('#ak-new-name', name);
  await page.click('.ak-new button[type=submit]');
  await page.locator('#ak-triage-title', { hasText: name }).waitFor();
  for (const pick of answers) {
    const q = page.locator('fieldset.ak-question').first();
    const inputs = q.locator('input[type=radio], input[type=checkbox]');
    const n = await inputs.count();
    if (n > 0) await inputs.nth(Math.min(pick, n - 1)).check();
    if (await page.locator('#ak-next').isDisabled()) break;
    await page.click('#ak-next');
  }
  return page.locator('.ak-live .ak-tier').getAttribute('data-tier');
}

/** Imports a system file through the inventory's file input. */
export async function importSystem(page, path) {
  await page.click('#ak-tab-inventory');
  await page.locator('.ak-inventory input[type=file]').setInputFiles(path);
  // The import dialog lists what will be added; confirm it.
  await page.locator('.ak-dialog[aria-labelledby="ak-import-title"] .ak-actions .ak-primary').click();
  await page.locator('.ak-dialog[aria-labelledby="ak-import-title"]').waitFor({ state: 'detached' });
}

/** Rates one AIMS item in the open AIMS tab: maturity, and one evidence entry if given. */
export async function rateItem(page, id, maturity, evidence) {
  await page.locator(`.ak-nav-item[data-item="${id}"]`).click();
  await page.locator('#ak-item-title', { hasText: id }).waitFor();
  await page.locator(`.ak-levels input[value="${maturity}"]`).check();
  if (evidence) {
    await page.locator('.ak-inline-form input').fill(evidence);
    await page.locator('.ak-inline-form button[type=submit]').click();
    await page.locator('.ak-evidence li', { hasText: evidence }).waitFor();
  }
}

export async function aimsAssessment(page, org = 'Example University') {
  await page.click('#ak-tab-aims');
  await page.fill('#ak-org', org);
  await page.fill('#ak-scope', 'All AI systems in teaching and administration');
  for (const [item, level] of [['4.1', '3'], ['6.1.2', '2'], ['A.2.2', '4']]) {
    await page.click(`button.ak-nav-item[data-item="${item}"]`);
    await page.locator(`input[name="ak-maturity-${item.replace(/\./g, '-')}"][value="${level}"]`).check();
    const ev = page.locator(`#ak-ev-${item.replace(/\./g, '-')}`);
    await ev.fill(`Evidence for ${item}`);
    await ev.press('Enter');
  }
  await page.click('#ak-aims-overview');
  return (await page.locator('#ak-aims-score').innerText()).trim();
}

export async function impactWorksheet(page) {
  await page.click('#ak-tab-impact');
  await page.locator('.ak-impact-list tbody tr button').first().click();
  await page.fill('#ak-w-groups', 'Applicants\nRecruiters');
  await page.locator('#ak-w-groups').blur();
  await page.click('#ak-add-risk');
  await page.fill('#ak-harm-0', 'Unfair ranking of applicants');
  await page.fill('#ak-mit-0', 'Human review of every rejection');
  return (await page.locator('#ak-impact-status').innerText()).trim();
}

/** Clicks every export; returns the downloads' file names and one saved path. */
export async function exportsAndImport(page) {
  const names = [];
  const save = async (click) => {
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), click()]);
    names.push(dl.suggestedFilename());
    return dl;
  };
  await page.click('#ak-tab-inventory');
  const inv = await save(() => page.click('#ak-export-all'));
  const dir = mkdtempSync(join(tmpdir(), 'aimskit-session-'));
  const invPath = join(dir, inv.suggestedFilename());
  await inv.saveAs(invPath);
  await page.click('#ak-tab-report');
  let aimsPath;
  for (const kind of ['aims_toml', 'aims_json', 'markdown', 'soa_csv', 'roadmap_csv']) {
    const dl = await save(() => page.click(`button[data-export="rep.export.${kind}"]`));
    if (kind === 'aims_toml') { aimsPath = join(dir, dl.suggestedFilename()); await dl.saveAs(aimsPath); }
  }
  // Import the exported AIMS file back (same data: the report must not change).
  await page.locator('#ak-aims-file').setInputFiles(aimsPath);
  await page.waitForTimeout(300);
  return { names, dir, invPath, aimsPath };
}

export async function printPreview(page) {
  await page.click('#ak-tab-report');
  await page.locator('.ak-report-actions button.ak-primary').click();
  await page.emulateMedia({ media: 'print' });
  const shot = await page.screenshot({ fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  return { prints: await page.evaluate(() => window.__aimskitPrints), bytes: shot.length };
}

export async function switchLanguage(page, label = 'Deutsch') {
  await page.selectOption('#ak-lang-select', { label });
  return (await page.locator('#ak-tab-triage').innerText()).trim();
}

/** The results a user sees in the report, as plain data. */
export async function snapshot(page) {
  await page.click('#ak-tab-report');
  return {
    org: (await page.locator('#ak-rep-org').innerText()).trim(),
    score: (await page.locator('#ak-rep-score').innerText()).trim(),
    inventory: await page.locator('.ak-rep-inventory tbody tr').allInnerTexts(),
  };
}

export async function fullSession(page, opts = {}) {
  const tiers = [];
  tiers.push(await triageSystem(page, 'CV screener', [0, 0, 0, 0, 0, 0, 0, 0]));
  tiers.push(await triageSystem(page, 'Support chatbot', [0, 1, 0, 0, 1, 1, 1, 1, 0]));
  tiers.push(await triageSystem(page, 'Spam filter', [1]));
  if (opts.importFile) await importSystem(page, opts.importFile);
  const score = await aimsAssessment(page);
  const impact = await impactWorksheet(page);
  const files = await exportsAndImport(page);
  const print = await printPreview(page);
  const before = await snapshot(page);
  const german = await switchLanguage(page, 'Deutsch');
  await switchLanguage(page, 'English');
  return { tiers, score, impact, exports: files.names, print, german, results: before };
}
export { W };
