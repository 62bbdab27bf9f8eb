// A small TypeScript consumer: type-checked against the package's .d.ts
// (tsc --noEmit in scripts/test.sh). Never run.
import init, { mount, triage, validateSystem, vocabulary, type AimskitError, type SystemFile, type TriageResult } from 'aimskit';
import * as node from 'aimskit/node';

export async function consume(el: Element): Promise<string> {
  await init();
  const sys: SystemFile = validateSystem('format = "aimskit-system/1"\nname = "X"\n', 'toml');
  const result: TriageResult = node.triage(sys, '2026-11-29');
  const labels: string[] = vocabulary('de').map((e) => e.label);
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
  return `${sys.name} ${result.tier} ${labels.length}`;
}
