// The differential rule in one place: a subject agrees with the oracle when it prints the same
// stdout (virtual times included, since the programs print them) and ends the same way.
// stderr is compared only by the texts a program promises, because tracebacks differ by design.

import type { OracleResult } from './run-oracle.ts';
import type { SubjectRun } from './subject.ts';

export interface Mismatch {
  what: 'stdout' | 'exitKind' | 'stderr';
  oracle: string;
  subject: string;
  /** For stdout: the first line (1-based) where the two differ. */
  line?: number;
}

export function compareRun(
  oracle: OracleResult,
  subject: SubjectRun,
  stderrContains: string[] = [],
): Mismatch[] {
  const mismatches: Mismatch[] = [];
  if (subject.stdout !== oracle.stdout) {
    const a = oracle.stdout.split('\n');
    const b = subject.stdout.split('\n');
    let line = 0;
    while (line < a.length && a[line] === b[line]) line++;
    mismatches.push({
      what: 'stdout',
      oracle: a[line] ?? '<end>',
      subject: b[line] ?? '<end>',
      line: line + 1,
    });
  }
  if (subject.exitKind !== oracle.exitKind) {
    mismatches.push({
      what: 'exitKind',
      oracle: `${oracle.exitKind} (${oracle.message})`,
      subject: `${subject.exitKind} (${subject.message})`,
    });
  }
  for (const text of stderrContains) {
    if (!oracle.stderr.includes(text) || !subject.stderr.includes(text)) {
      mismatches.push({ what: 'stderr', oracle: oracle.stderr, subject: subject.stderr });
    }
  }
  return mismatches;
}

export function describeMismatches(label: string, mismatches: Mismatch[]): string {
  return mismatches
    .map((m) =>
      m.what === 'stdout'
        ? `${label}: stdout line ${m.line}: oracle ${JSON.stringify(m.oracle)}, subject ${JSON.stringify(m.subject)}`
        : `${label}: ${m.what}: oracle ${JSON.stringify(m.oracle)}, subject ${JSON.stringify(m.subject)}`,
    )
    .join('\n');
}
