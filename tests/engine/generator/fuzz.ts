// The longer generated run: `npx tsx tests/engine/generator/fuzz.ts --count N --seed S`.
// Checks N programs of each kind (in batches, one Pyodide for all) against the oracle and prints
// every mismatch with its program, and every I/O program that ended abnormally or wrote to stderr
// (the virtual world gone wrong); exit status 1 if any. --kind plain|io|both|real picks the
// programs (default both: plain asyncio ones from generate.ts, ones with I/O from io-generate.ts;
// real: I/O programs in native mode, the oracle's output held against native python3's);
// --subject engine|native picks the other side (default: the engine; native runs plain programs
// only, as the native oracle has no virtual disk); --show SEED prints one program and stops.

import { parseArgs } from 'node:util';
import { checkGenerated, describeFailure, generatorOptionsFor } from './check.ts';
import { generateProgram, generatePrograms, type GeneratedProgram } from './generate.ts';
import { generateIoProgram, generateIoPrograms } from './io-generate.ts';
import { fuzzReal } from './native-run.ts';
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
      kind: { type: 'string' },
    },
  });
  if (values.subject) process.env.LOOPSCOPE_SUBJECT = values.subject;
  const kind: SubjectKind = chosenSubject();
  const programKind = values.kind ?? (kind === 'native' ? 'plain' : 'both');
  if (!['plain', 'io', 'both', 'real'].includes(programKind))
    throw new Error(`--kind ${programKind}: plain, io, both or real`);
  if (kind === 'native' && programKind !== 'plain')
    throw new Error('I/O programs need the engine as subject: the native oracle has no virtual disk');
  if (values.show !== undefined) {
    // The program exactly as a run against this subject generated it.
    const options = generatorOptionsFor(subjectPythonVersion(kind));
    const seed = Number(values.show);
    const io = programKind === 'io' || programKind === 'real';
    process.stdout.write(
      io
        ? generateIoProgram(seed, { native: programKind === 'real' }).source
        : generateProgram(seed, options).source,
    );
    return 0;
  }
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (programKind === 'real') return fuzzReal(count, seed);
  const started = Date.now();
  const [oracle, subject] = await Promise.all([createOracle(), loadSubject(kind)]);
  const programs: GeneratedProgram[] = [
    ...(programKind === 'io'
      ? []
      : generatePrograms(count, seed, generatorOptionsFor(subject.pythonVersion))),
    ...(programKind === 'plain' ? [] : generateIoPrograms(count, seed)),
  ];
  const total = programs.length;
  let compared = 0;
  let failed = 0;
  const exitKinds: Record<string, number> = {};
  for (let start = 0; start < total; start += BATCH_SIZE) {
    const report = await checkGenerated(programs.slice(start, start + BATCH_SIZE), oracle, subject);
    compared += report.compared;
    failed += report.failures.length;
    for (const [exitKind, n] of Object.entries(report.exitKinds))
      exitKinds[exitKind] = (exitKinds[exitKind] ?? 0) + n;
    for (const failure of report.failures)
      console.log(`MISMATCH (seed ${failure.program.seed})\n${describeFailure(failure)}\n`);
    // An I/O program is written to end normally and quietly (io-generate.ts).
    const io = (program: GeneratedProgram) => program.fileName.startsWith('generated_io_');
    for (const { program, ending } of report.abnormal.filter(({ program }) => io(program))) {
      failed++;
      console.log(
        `ABNORMAL END (I/O seed ${program.seed}): ${ending}\n--- ${program.fileName}\n${program.source}\n`,
      );
    }
    for (const program of report.noisy.filter(io)) {
      failed++;
      console.log(`STDERR (I/O seed ${program.seed}): see --kind io --show ${program.seed}\n`);
    }
    console.error(`fuzz: ${compared}/${total} compared, ${failed} failed`);
  }
  await subject.close();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${compared} programs (${programKind}, base seed ${seed}) on ${subject.description} vs the oracle: ` +
      `${compared - failed} pass, ${failed} fail, in ${seconds} s; oracle exits ${JSON.stringify(exitKinds)}`,
  );
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();
