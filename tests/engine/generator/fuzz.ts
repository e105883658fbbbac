// The longer generated run: `npx tsx tests/engine/generator/fuzz.ts --count N --seed S`.
// Checks N programs (in batches, one Pyodide for all) against the oracle and prints every mismatch
// with its program; exit status 1 if any. --subject engine|native picks the other side (default:
// the engine); --show SEED prints one program and stops.

import { parseArgs } from 'node:util';
import { checkGenerated, describeFailure, generatorOptionsFor } from './check.ts';
import { generateProgram, generatePrograms } from './generate.ts';
import { createOracle } from '../oracle/run-oracle.ts';
import { chosenSubject, loadSubject, subjectPythonVersion, type SubjectKind } from '../oracle/subject.ts';

// Batches keep memory flat and show progress; the size does not change which programs run.
const BATCH_SIZE = 250;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      subject: { type: 'string' },
      show: { type: 'string' },
    },
  });
  if (values.subject) process.env.LOOPSCOPE_SUBJECT = values.subject;
  const kind: SubjectKind = chosenSubject();
  if (values.show !== undefined) {
    // The program exactly as a run against this subject generated it.
    const options = generatorOptionsFor(subjectPythonVersion(kind));
    process.stdout.write(generateProgram(Number(values.show), options).source);
    return 0;
  }
  const count = Number(values.count);
  const seed = Number(values.seed);
  const started = Date.now();
  const [oracle, subject] = await Promise.all([createOracle(), loadSubject(kind)]);
  const programs = generatePrograms(count, seed, generatorOptionsFor(subject.pythonVersion));
  let compared = 0;
  let failed = 0;
  const exitKinds: Record<string, number> = {};
  for (let start = 0; start < count; start += BATCH_SIZE) {
    const report = await checkGenerated(programs.slice(start, start + BATCH_SIZE), oracle, subject);
    compared += report.compared;
    failed += report.failures.length;
    for (const [exitKind, n] of Object.entries(report.exitKinds))
      exitKinds[exitKind] = (exitKinds[exitKind] ?? 0) + n;
    for (const failure of report.failures)
      console.log(`MISMATCH (seed ${failure.program.seed})\n${describeFailure(failure)}\n`);
    console.error(`fuzz: ${compared}/${count} compared, ${failed} mismatched`);
  }
  await subject.close();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${compared} programs (base seed ${seed}) on ${subject.description} vs the oracle: ` +
      `${compared - failed} match, ${failed} mismatch, in ${seconds} s; oracle exits ${JSON.stringify(exitKinds)}`,
  );
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
