import fs from 'node:fs';
import { z } from 'zod';

/**
 * Lists the mutants a Stryker run did not kill (survived or without coverage), file by file, from a
 * mutation-testing report: `reports/mutation/mutation.json` (the last run) or the incremental record
 * `reports/stryker-incremental.json` (same schema). docs/mutation-survivors.md explains each one.
 *
 *   npx tsx scripts/list-survivors.ts [report.json] [--status=Survived,NoCoverage] [--summary]
 */
const Mutant = z.object({
  id: z.string(),
  mutatorName: z.string(),
  replacement: z.string().optional(),
  status: z.string(),
  location: z.object({
    start: z.object({ line: z.number(), column: z.number() }),
    end: z.object({ line: z.number(), column: z.number() }),
  }),
});
const Report = z.object({
  files: z.record(z.string(), z.object({ source: z.string(), mutants: z.array(Mutant) })),
});
type Mutant = z.infer<typeof Mutant>;

const DETECTED = new Set(['Killed', 'Timeout']);
const MEASURED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);

/** Stryker's mutation score: detected / (detected + undetected); ignored and errors do not count. */
function score(mutants: readonly Mutant[]): { detected: number; valid: number } {
  const valid = mutants.filter((m) => MEASURED.has(m.status));
  return { detected: valid.filter((m) => DETECTED.has(m.status)).length, valid: valid.length };
}

function percent({ detected, valid }: { detected: number; valid: number }): string {
  return valid === 0 ? '  n/a' : `${((100 * detected) / valid).toFixed(2)} %`;
}

/** The original text a mutant replaces (first line only), so a reader sees what changed. */
function original(source: string, m: Mutant): string {
  const lines = source.split('\n');
  const { start, end } = m.location;
  const first = lines[start.line - 1] ?? '';
  const text =
    start.line === end.line
      ? first.slice(start.column - 1, end.column - 1)
      : `${first.slice(start.column - 1)} …`;
  return oneLine(text);
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 70 ? `${flat.slice(0, 67)}...` : flat;
}

function main(argv: string[]): void {
  const file = argv.find((a) => !a.startsWith('--')) ?? 'reports/mutation/mutation.json';
  const statusArg = argv.find((a) => a.startsWith('--status='));
  const wanted = new Set((statusArg?.slice(9) ?? 'Survived,NoCoverage').split(','));
  const report = Report.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const all: Mutant[] = [];
  for (const [name, { source, mutants }] of Object.entries(report.files).sort()) {
    all.push(...mutants);
    const s = score(mutants);
    console.log(`${name}  ${percent(s)}  (${s.detected}/${s.valid})`);
    if (argv.includes('--summary')) continue;
    const shown = mutants
      .filter((m) => wanted.has(m.status))
      .sort((a, b) => a.location.start.line - b.location.start.line);
    for (const m of shown) {
      const where = `${m.location.start.line}:${m.location.start.column}`;
      const to = oneLine(m.replacement ?? '');
      console.log(`  ${where}  ${m.status}  ${m.mutatorName}  ${original(source, m)}  ->  ${to}`);
    }
  }
  const s = score(all);
  console.log(`\nall  ${percent(s)}  (${s.detected}/${s.valid})`);
}

main(process.argv.slice(2));
