// A small TypeScript consumer: type-checked against the package's .d.ts
// (tsc --noEmit in scripts/test.sh). Never run.
import init, { mount, triage, validateSystem, vocabulary, validateAims, gap, catalogue, type AimskitError, type AimsFile, type GapResult, type SystemFile, type TriageResult } from 'aimskit';
import * as node from 'aimskit/node';

export async function consume(el: Element): Promise<string> {
  await init();
  const sys: SystemFile = validateSystem('format = "aimskit-system/1"\nname = "X"\n', 'toml');
  const result: TriageResult = node.triage(sys, '2026-11-29');
  const legacy: SystemFile = { format: 'aimskit-system/1', name: 'Legacy', annex_iii: ['4.a'], first_placed_on_market: '2025-06-01', significant_change: false, for_public_authorities: true, public_crime_reporting: false };
  const placed: string | undefined = legacy.first_placed_on_market;
  // @ts-expect-error the placing date is a YYYY-MM-DD string
  const badDate: SystemFile = { format: 'aimskit-system/1', name: 'X', first_placed_on_market: 20250601 };
  // @ts-expect-error the optional flags are booleans
  const badFlag: SystemFile = { format: 'aimskit-system/1', name: 'X', significant_change: 'no' };
  const labels: string[] = vocabulary('de').map((e) => e.label);
  const aims: AimsFile = validateAims('format = "aimskit-aims/1"\norganisation = "X"\nsystems = ["a.toml"]\n');
  const g: GapResult = gap(aims, { 'a.toml': sys }, '2026-11-29');
  const sheet: SystemFile = { format: 'aimskit-system/1', name: 'FRIA', impact: { processes: 'p', affected_groups: ['a'], societal_impacts: 's', notified: '2027-12-01', risks: [{ harm: 'h', likelihood: 3, severity: 4 }] } };
  // @ts-expect-error affected groups are a list of strings
  const badSheet: SystemFile = { format: 'aimskit-system/1', name: 'X', impact: { affected_groups: 'applicants' } };
  const fria: string = g.systems.map((s) => `${s.impact.status}/${s.impact.iso42001_status}/${s.impact.highest_residual ?? '-'}`).join(' ');
  const score: number = g.score + g.pdca.do + node.gap(aims, { 'a.toml': 'format = "aimskit-system/1"\nname = "A"\n' }).score;
  const titles: string[] = catalogue('de').items.filter((i) => i.kind === 'control').map((i) => i.title);
  // @ts-expect-error systems is a map of path -> file, not an array
  gap(aims, ['a.toml']);
  const widget = mount(el, { lang: 'de' });
  widget.unmount();
  try {
    validateSystem({ name: 'missing format' });
  } catch (e) {
    const err = e as AimskitError;
    const where: string | undefined = err.field;
    return `${err.code} ${where ?? ''}`;
  }
  // @ts-expect-error the format is "toml" | "json"
  validateSystem('x', 'yaml');
  return `${sys.name} ${result.tier} ${labels.length} ${score} ${titles.length} ${placed} ${node.triage(legacy).tier} ${badDate.name} ${badFlag.name} ${sheet.name} ${badSheet.name} ${fria}`;
}
