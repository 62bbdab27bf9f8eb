// End-to-end: the widget in English, German, French and Italian. The language
// comes from the browser (de-CH, it-CH), from the switch (fr) or defaults to
// English. For each language and at 1280px and 390px, the main screens
// (inventory, triage result, AIMS gap analysis, impact worksheet, report) are
// screenshotted into pkg-tests/artifacts/ and checked for text that overflows
// its container: clipped text (scrollWidth > clientWidth with overflow hidden)
// and boxes that stick out of their container or the viewport horizontally.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, openPage, problems, useDist } from '../lib/harness.mjs';

const ARTIFACTS = join(ROOT, 'pkg-tests', 'artifacts');

/** The flat `"key" = "text"` table of one locale file. */
async function locale(lang) {
  const src = await readFile(join(ROOT, 'core', 'locales', `${lang}.toml`), 'utf8');
  const table = {};
  for (const m of src.matchAll(/^"([^"]+)" = "((?:[^"\\]|\\.)*)"$/gm)) {
    table[m[1]] = m[2].replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
  return table;
}

// How each language is chosen: browser language, the switch, or the default.
const LANGS = [
  { lang: 'en', locale: 'en-US' },
  { lang: 'de', locale: 'de-CH' },
  { lang: 'fr', locale: 'en-GB', viaSwitch: true },
  { lang: 'it', locale: 'it-CH' },
];
const WIDTHS = [1280, 390];

// A high-risk deployer system with a FRIA: the longest result texts.
const STEPS = [
  ['ai_system', ['yes']], ['roles', ['deployer']], ['established_in_eu', ['yes']],
  ['eu_nexus', []], ['exclusions', []], ['art5', []], ['annex_i', []], ['annex_iii', ['5-b']],
  ['art6_3', []], ['value_chain', []], ['art50', []],
  ['public_body', ['no']], ['workplace_use', ['no']],
];

// How each language writes 2027-12-02 (the FRIA's date) in a table and in
// text, and any date (the as-of date is today) in the report's header.
const ISO = /\d{4}-\d\d-\d\d/;
const DATES = {
  en: { table: '2027-12-02', text: '2027-12-02', asOf: /^\d{4}-\d\d-\d\d$/ },
  de: { table: '02.12.2027', text: '2. Dezember 2027', asOf: /^\d{1,2}\. [A-Z][a-zä]+ \d{4}$/ },
  fr: { table: '02.12.2027', text: '2 décembre 2027', asOf: /^(1er|\d{1,2}) [a-zéû]+ \d{4}$/ },
  it: { table: '02.12.2027', text: '2 dicembre 2027', asOf: /^(1º|\d{1,2}) [a-z]+ \d{4}$/ },
};

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
});
const app = useDist();

/** Every element whose text is clipped or whose box leaves its container or the viewport. */
function overflows() {
  const root = document.querySelector('#aimskit');
  const vw = document.documentElement.clientWidth;
  const bad = [];
  const describe = (el) => {
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `${el.tagName.toLowerCase()}${id}${cls} "${String(el.innerText || el.value || '').trim().slice(0, 60)}"`;
  };
  const scrollsX = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  // Screen-reader-only text: 1px boxes, clipped away, or moved off-screen on purpose.
  const visuallyHidden = (el, cs, r) =>
    (['absolute', 'fixed'].includes(cs.position) && (r.width <= 1 || r.height <= 1 || r.right < 0 || r.left > vw)) ||
    cs.clip === 'rect(0px, 0px, 0px, 0px)' || cs.clipPath === 'inset(50%)';
  for (const el of root.querySelectorAll('*')) {
    if (el.closest('svg') || ['OPTION', 'SCRIPT', 'STYLE', 'BR'].includes(el.tagName)) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || cs.display === 'contents') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    let hidden = false;
    for (let a = el; a && a !== root && !hidden; a = a.parentElement) {
      hidden = visuallyHidden(a, getComputedStyle(a), a.getBoundingClientRect());
    }
    if (hidden) continue;
    // Inside a horizontal scroll area (wide tables on phones) sticking out is by design.
    let scroller = null;
    for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
      if (scrollsX(a)) { scroller = a; break; }
    }
    const clips = ['hidden', 'clip'].includes(cs.overflowX) || cs.textOverflow === 'ellipsis';
    if (clips && el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'INPUT' && el.tagName !== 'SELECT') {
      bad.push(`clipped: ${describe(el)} (${el.scrollWidth} > ${el.clientWidth})`);
    }
    if (!scroller && (r.right > vw + 1 || r.left < -1)) {
      bad.push(`past the viewport: ${describe(el)} (${Math.round(r.left)}..${Math.round(r.right)} of ${vw})`);
      continue;
    }
    // The nearest block-level container must hold the box horizontally.
    let box = el.parentElement;
    while (box && box !== root && getComputedStyle(box).display.startsWith('inline')) box = box.parentElement;
    if (!box || box === root.parentElement || scrollsX(box)) continue;
    const b = box.getBoundingClientRect();
    if (r.right > b.right + 1 || r.left < b.left - 1) {
      bad.push(`past its container: ${describe(el)} (${Math.round(r.left)}..${Math.round(r.right)} in ${describe(box).slice(0, 40)} ${Math.round(b.left)}..${Math.round(b.right)})`);
    }
  }
  return [...new Set(bad)];
}

async function screen(page, name, lang, width, found) {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(ARTIFACTS, `i18n-${lang}-${width}-${name}.png`), fullPage: true });
  for (const o of await page.evaluate(overflows)) found.push(`${lang} ${width}px ${name}: ${o}`);
}

for (const { lang, locale: browserLocale, viaSwitch } of LANGS) {
  test(`${lang}: main screens at ${WIDTHS.join(' and ')}px, no text overflows`, async () => {
    const t = await locale(lang);
    const found = [];
    for (const width of WIDTHS) {
      const { context, page, log } = await openPage(app.browser, { viewport: { width, height: 900 }, locale: browserLocale });
      await page.goto(`${app.server.origin}/`, { waitUntil: 'load' });
      await page.locator('#aimskit h1').waitFor({ timeout: 15000 });
      if (viaSwitch) {
        const options = await page.locator('#ak-lang-select option').evaluateAll((os) => os.map((o) => o.value));
        assert.deepEqual(options, ['en', 'de', 'fr', 'it'], 'the switch offers all four languages');
        await page.locator('#ak-lang-select').selectOption(lang);
      }
      await page.locator(`.aimskit[lang="${lang}"]`).waitFor({ timeout: 5000 });
      assert.equal(await page.locator('.ak-purpose').innerText(), t['app.purpose'], 'header in the chosen language');

      // One system through the questionnaire.
      await page.locator('#ak-tab-inventory').click();
      await page.locator('#ak-new-name').fill('Kreditwürdigkeitsprüfung für Privatkundinnen');
      await page.locator('.ak-new button[type=submit]').click();
      for (const [id, choices] of STEPS) {
        await page.locator(`fieldset#ak-q-${id}`).waitFor({ timeout: 5000 });
        for (const choice of choices) await page.locator(`#ak-q-${id}-${choice}`).check();
        if (!(await page.locator('#ak-next').isDisabled())) await page.locator('#ak-next').click();
      }
      const result = page.locator('.ak-result');
      assert.equal(await result.locator('[data-tier]').getAttribute('data-tier'), 'high_risk');
      const why = await result.locator('.ak-trace').innerText();
      assert.ok(why.includes(t['rule.high_risk.annex_iii'].replace(/\{[a-z_]+\}/g, '')), `${lang}: reasons translated`);
      const fria = await result.locator('tr[data-obligation="hr.fria"]').innerText();
      assert.ok(fria.includes(t['obl.hr.fria']), `${lang}: obligation titles translated`);
      // Dates: ISO in English; the table form in tables and the long form
      // in running text in German, French and Italian.
      assert.ok(fria.includes(DATES[lang].table), `${lang}: FRIA date in ${fria}`);
      assert.ok(why.includes(DATES[lang].text), `${lang}: reason date in ${why}`);
      if (lang !== 'en') {
        assert.doesNotMatch(`${why}\n${await result.innerText()}`, ISO, `${lang}: an ISO date in the result`);
      }
      await screen(page, 'triage', lang, width, found);

      await page.locator('#ak-tab-inventory').click();
      await screen(page, 'inventory', lang, width, found);
      for (const view of ['aims', 'impact', 'report']) {
        await page.locator(`#ak-tab-${view}`).click();
        if (view === 'impact') {
          const start = page.getByRole('button', { name: t['impact.start'] });
          if (await start.count()) await start.first().click();
        }
        if (view === 'report') {
          assert.match(await page.locator('#ak-rep-date').innerText(), DATES[lang].asOf, `${lang}: report date`);
        }
        await screen(page, view, lang, width, found);
      }
      assert.deepEqual(problems(log), [], `${lang} ${width}px: console errors`);
      await context.close();
    }
    assert.deepEqual(found, [], `text overflows in ${lang}`);
  });
}
