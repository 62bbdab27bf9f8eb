// End-to-end: the ISO/IEC 42001 assessment, the impact worksheet and the
// report in dist/, driven through the UI in headless Chromium. A full walk:
// import a system that needs a FRIA, assess clauses and controls, fill the
// impact worksheet, then export the AIMS file and check that what the screen
// shows (score, PDCA, pitfalls, SoA rows) is what `aimskit gap --format json`
// prints for that file. Also: the Markdown/CSV exports hold every SoA row and
// roadmap action, the exported file imports back (with a preview) to the same
// result, a print-preview screenshot, and no request leaves the page.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, openPage, problems, useDist } from '../lib/harness.mjs';
import { rateItem } from '../lib/session.mjs';

const ARTIFACTS = join(ROOT, 'pkg-tests', 'artifacts');
const CLI = join(ROOT, 'target', 'debug', 'aimskit');
const SYSTEM = join(ROOT, 'core', 'tests', 'corpus', 'gap', 'public-university', 'systems', 'exam-proctoring.toml');

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  if (!existsSync(CLI)) execFileSync('cargo', ['build', '-q', '-p', 'aimskit-cli'], { cwd: ROOT, stdio: 'inherit' });
});
const app = useDist();

// What the assessment enters: [item, maturity, evidence].
const CLAUSES = [
  ['4.1', 3, 'Context analysis 2026'], ['4.3', 4, 'Scope statement v2'], ['5.2', 4, 'AI policy v3'],
  ['6.1.2', 3, 'AI risk procedure v1.2'], ['6.1.4', 1, null], ['8.1', 1, null], ['9.1', 0, null],
];

async function screen(page) {
  await page.locator('#ak-aims-overview').click();
  const score = await page.locator('#ak-aims-score').getAttribute('data-score');
  const chart = await page.locator('.ak-score-chart').getAttribute('aria-label');
  const pitfalls = await page.locator('.ak-overview [data-pitfall]').evaluateAll((els) => els.map((e) => e.dataset.pitfall));
  const soa = await page.locator('.ak-overview tr[data-control]').evaluateAll((els) =>
    els.map((e) => [e.dataset.control, e.dataset.status]));
  const roadmap = await page.locator('.ak-overview tr[data-ref]').count();
  return { score, chart, pitfalls, soa, roadmap };
}

async function download(page, selector, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  const path = join(ARTIFACTS, name);
  await d.saveAs(path);
  return { path, filename: d.suggestedFilename(), text: await readFile(path, 'utf8') };
}

function cli(path) {
  return JSON.parse(execFileSync(CLI, ['gap', '--format', 'json', path], { encoding: 'utf8' }));
}

test('a full AIMS assessment: the screen, the exports and the CLI agree; no request leaves the page', async () => {
  const { context, page, log } = await openPage(app.browser, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await page.goto(`${app.server.origin}/`, { waitUntil: 'load' });
  await page.locator('#aimskit h1').waitFor({ timeout: 15000 });
  await page.waitForLoadState('networkidle');
  const loaded = log.requests.length;

  // The inventory: one deployer system that needs a FRIA (Art. 27).
  await page.locator('#ak-tab-inventory').click();
  await page.locator('input[type=file]').setInputFiles(SYSTEM);
  await page.locator('.ak-dialog .ak-primary').click();

  // Organisation, scope, existing management systems.
  await page.locator('#ak-tab-aims').click();
  await page.locator('#ak-org').fill('Example University');
  await page.locator('#ak-scope').fill('AI systems used in teaching | exams');
  await page.locator('#ak-cert-iso27001').check();
  assert.equal(await page.locator('#ak-int-iso27001').isDisabled(), false, 'integration possible once certified');

  for (const [id, m, ev] of CLAUSES) await rateItem(page, id, m, ev);
  // A shared-structure clause is marked reusable from the ISO 27001 ISMS.
  await page.locator('.ak-nav-item[data-item="7.5.1"]').click();
  await page.locator('.ak-reusable').waitFor();

  // Controls: one excluded with a suggested justification, one required by the inventory.
  await page.locator('.ak-nav-item[data-item="A.7.5"]').click();
  await page.locator('input[name="ak-app-A-7-5"]').nth(1).check();
  await page.locator('.ak-chip').first().click();
  assert.match(await page.locator('#ak-just-A-7-5').inputValue(), /role/);
  await page.locator('.ak-nav-item[data-item="A.5.2"]').click();
  await page.locator('.ak-required', { hasText: 'Art. 27' }).waitFor();
  await page.locator('.ak-levels input[value="2"]').check();
  await page.locator('#ak-owner-A-5-2').fill('=CMD|calc');
  await page.locator('#ak-due-A-5-2').fill('2027-03-31');
  await page.screenshot({ path: join(ARTIFACTS, 'aims-control.png'), fullPage: true });

  // Keyboard: the maturity levels are a radio group reachable and changeable by keys.
  await page.locator('.ak-levels input[value="2"]').focus();
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.locator('.ak-levels input[value="3"]').isChecked(), 'arrow keys change the maturity');
  await page.locator('.ak-levels input[value="2"]').check();

  // The impact worksheet, with one risk before and after mitigation.
  await page.locator('#ak-tab-impact').click();
  assert.match(await page.locator('.ak-impact-list tbody tr').first().innerText(), /Art\. 27/);
  await page.locator('.ak-impact-list button').first().click();
  await page.locator('#ak-w-processes').fill('Invigilators review flagged exam sessions');
  await page.locator('#ak-w-period').fill('Every exam period, about 3000 sessions');
  await page.locator('#ak-w-groups').fill('students\nexaminers');
  await page.locator('#ak-w-groups').blur();
  await page.locator('#ak-w-oversight').fill('An invigilator reviews every flag');
  await page.locator('#ak-w-remedies').fill('Students can appeal to the examination board');
  // Art. 27(3): asked because this deployer needs a FRIA.
  await page.locator('#ak-w-notified').fill('2026-11-20');
  await page.locator('#ak-add-risk').click();
  await page.locator('#ak-harm-0').fill('Students with disabilities flagged more often');
  await page.locator('#ak-right-0').selectOption('persons_with_disabilities');
  await page.locator('#ak-lik-0').selectOption('4');
  await page.locator('#ak-sev-0').selectOption('4');
  await page.locator('#ak-mit-0').fill('Accessibility profile disables gaze tracking');
  await page.locator('#ak-rlik-0').selectOption('2');
  await page.locator('#ak-rsev-0').selectOption('3');
  assert.equal(await page.locator('#ak-impact-status').innerText(), 'complete');
  // ISO/IEC 42001 beyond Art. 27: societal impacts (A.5.5) and foreseeable
  // misuse (6.1.4) are reported apart and never change the Art. 27 status.
  assert.equal(await page.locator('#ak-impact-iso-status').innerText(), 'incomplete');
  assert.match(await page.locator('#ak-impact-iso').innerText(), /A\.5\.5/);
  assert.match(await page.locator('label[for="ak-w-societal"]').innerText(), /ISO\/IEC 42001 A\.5\.5/);
  assert.match(await page.locator('label[for="ak-w-misuse"]').innerText(), /ISO\/IEC 42001 6\.1\.4/);
  await page.locator('#ak-w-societal').fill('Proctoring at scale normalises surveillance in education');
  await page.locator('#ak-w-misuse').fill('Flags used as proof of cheating without review');
  assert.equal(await page.locator('#ak-impact-iso-status').innerText(), 'complete');
  assert.equal(await page.locator('#ak-impact-status').innerText(), 'complete');
  assert.equal(await page.locator('.ak-heatmap svg').count(), 2, 'heat maps before and after');
  assert.match(await page.locator('.ak-heatmap svg').first().getAttribute('aria-label'), /1 rated/);
  await page.screenshot({ path: join(ARTIFACTS, 'impact-worksheet.png'), fullPage: true });

  // What the screen shows.
  await page.locator('#ak-tab-aims').click();
  const shown = await screen(page);
  await page.screenshot({ path: join(ARTIFACTS, 'aims-overview.png'), fullPage: true });
  assert.ok(shown.pitfalls.includes('siloed_management_system'), `siloed pitfall shown: ${shown.pitfalls}`);
  assert.ok(shown.pitfalls.includes('risk_without_impact'), `risk without impact shown: ${shown.pitfalls}`);
  assert.equal(shown.soa.length, 38);

  // Export the AIMS file (JSON and TOML) and compare with the CLI.
  await page.locator('#ak-tab-report').click();
  const json = await download(page, '[data-export="rep.export.aims_json"]', 'aims-e2e.json');
  const toml = await download(page, '[data-export="rep.export.aims_toml"]', 'aims-e2e.toml');
  assert.equal(json.filename, 'example-university-aims.json');
  for (const file of [json, toml]) {
    const gap = cli(file.path);
    assert.equal(gap.score.toFixed(1), shown.score, `${file.filename}: score`);
    for (const k of ['plan', 'do', 'check', 'act']) {
      assert.ok(shown.chart.includes(gap.pdca[k].toFixed(1)), `${file.filename}: PDCA ${k} ${gap.pdca[k]} in ${shown.chart}`);
    }
    assert.deepEqual([...shown.pitfalls].sort(), [...gap.pitfalls].sort(), `${file.filename}: pitfalls`);
    assert.deepEqual(shown.soa, gap.soa.map((r) => [r.control, r.status]), `${file.filename}: SoA rows`);
    assert.equal(shown.roadmap, gap.roadmap.length, `${file.filename}: roadmap length`);
    assert.equal(gap.systems[0].impact.status, 'complete');
    assert.equal(gap.systems[0].impact.notified, '2026-11-20', `${file.filename}: Art. 27(3) date`);
    // The exported file carries the 42001 fields and the CLI reads them.
    assert.ok(file.text.includes('Proctoring at scale normalises surveillance in education'), `${file.filename}: societal_impacts`);
    assert.ok(file.text.includes('Flags used as proof of cheating without review'), `${file.filename}: foreseeable_misuse`);
    assert.match(file.text, /"?societal_impacts"?\s*[:=]/, `${file.filename}: field name`);
    assert.equal(gap.systems[0].impact.iso42001_status, 'complete', `${file.filename}: 42001 elements`);
    assert.deepEqual(gap.systems[0].impact.iso42001_missing, []);
    assert.deepEqual(gap.controls['A.5.5'].inventory_evidence, [`impact worksheet (societal impacts): ${gap.systems[0].name}`]);
    assert.ok(gap.soa.find((r) => r.control === 'A.5.2').required_by.includes('Art. 27'));
  }

  // The other exports hold every SoA row and roadmap action; CSV is formula-safe.
  const gap = cli(json.path);
  const md = await download(page, '[data-export="rep.export.markdown"]', 'report-e2e.md');
  const soaCsv = await download(page, '[data-export="rep.export.soa_csv"]', 'soa-e2e.csv');
  const roadmapCsv = await download(page, '[data-export="rep.export.roadmap_csv"]', 'roadmap-e2e.csv');
  for (const r of gap.soa) {
    assert.ok(md.text.includes(`| ${r.control.replace(/\./g, '.')} |`), `Markdown has ${r.control}`);
    assert.ok(soaCsv.text.includes(`\r\n${r.control},`), `CSV has ${r.control}`);
  }
  assert.equal(roadmapCsv.text.trim().split('\r\n').length - 1, gap.roadmap.length);
  assert.ok(md.text.includes('Example University'));
  assert.ok(md.text.includes('teaching \\| exams'), 'user text is escaped in Markdown');
  assert.ok(md.text.includes('Impacts on society (ISO/IEC 42001 A.5.5):** Proctoring at scale normalises surveillance in education'), 'societal impacts in Markdown');
  assert.ok(md.text.includes('Reasonably foreseeable misuse (ISO/IEC 42001 6.1.4):** Flags used as proof of cheating without review'), 'misuse in Markdown');
  assert.ok(!soaCsv.text.includes(',=CMD') && !roadmapCsv.text.includes(',=CMD'), 'no live formula in CSV');
  // Spreadsheet-ready: UTF-8 with a byte order mark; English uses commas.
  for (const csv of [soaCsv, roadmapCsv]) assert.ok(csv.text.startsWith('\ufeff'), `${csv.filename}: UTF-8 BOM`);

  // The report on screen, and its print preview.
  const report = await page.locator('.ak-report').innerText();
  assert.match(report, /Example University/);
  assert.match(report, /Flags used as proof of cheating without review/);
  assert.match(report, new RegExp(gap.rules_version.replace(/\./g, '\\.')));
  assert.equal(await page.locator('.ak-report tr[data-control]').count(), 38);
  assert.equal(await page.locator('.ak-report .ak-rep-inventory tr[data-system]').count(), 1);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.ak-report-actions').isVisible(), false, 'export buttons are not printed');
  await page.screenshot({ path: join(ARTIFACTS, 'report-print.png'), fullPage: true });
  await page.screenshot({ path: join(ARTIFACTS, 'report-print-top.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1700 } });
  await page.pdf({ path: join(ARTIFACTS, 'report.pdf'), format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });

  // Import the exported TOML back: a preview first, then the same result.
  await page.locator('#ak-aims-file').setInputFiles(toml.path);
  await page.locator('.ak-import-preview').waitFor();
  assert.match(await page.locator('.ak-import-preview').innerText(), /Example University/);
  await page.locator('#ak-imp-confirm').click();
  await page.locator('#ak-tab-aims').click();
  assert.deepEqual(await screen(page), shown, 'import of the export gives the same screen');

  const after = log.requests.slice(loaded).filter((r) => !r.url.startsWith('blob:') && !r.url.startsWith('data:'));
  assert.deepEqual(after.map((r) => r.url), [], 'no request after load');
  assert.deepEqual(problems(log), []);
  await context.close();
});
