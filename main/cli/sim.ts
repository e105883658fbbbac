// `npm run sim -- FILE.py [options]`: runs a program on the engine and prints exactly what it
// printed (its stdout on stdout, its stderr on stderr), or its steps, or its trace. Exit status
// is the run's; a run the engine ended (deadlock, a cap) adds one line saying why on stderr.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { runContained } from '../host/run-contained';
import type { RunOptions } from '../../common/trace';
import { formatSteps } from './steps';

const USAGE = `usage: npm run sim -- FILE.py [--steps | --json] [--seed N] [--max-steps N]
       [--max-time SECONDS] [--max-output BYTES] [--max-tasks N] [--max-step-lines N]
       [--max-sockets N] [--max-network-bytes BYTES] [--max-threads N] [--max-file-bytes BYTES]`;

const NUMERIC: Record<string, keyof RunOptions> = {
  '--seed': 'seed',
  '--max-steps': 'maxSteps',
  '--max-time': 'maxTime',
  '--max-output': 'maxOutputBytes',
  '--max-tasks': 'maxTasks',
  '--max-step-lines': 'maxStepLines',
  '--max-sockets': 'maxSockets',
  '--max-network-bytes': 'maxNetworkBytes',
  '--max-threads': 'maxThreads',
  '--max-file-bytes': 'maxFileBytes',
};

/** Ends the engine imposes; the others (exception, syntax error, exit) speak for themselves. */
const ENGINE_ENDS = new Set([
  'deadlock',
  'capSteps',
  'capTime',
  'capOutput',
  'capTasks',
  'capNetwork',
  'capThreads',
  'capFiles',
  'runaway',
  'internalError',
]);

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse(argv: string[]): {
  file: string;
  mode: 'output' | 'steps' | 'json';
  options: Partial<RunOptions>;
} {
  let file = '';
  let mode: 'output' | 'steps' | 'json' = 'output';
  const options: Partial<RunOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--steps') mode = 'steps';
    else if (a === '--json') mode = 'json';
    else if (a in NUMERIC) {
      const v = Number(argv[++i]);
      if (argv[i] === undefined || !Number.isFinite(v) || v < 0) fail(`${a} needs a non-negative number`);
      options[NUMERIC[a]] = v;
    } else if (a === '-h' || a === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else if (file) fail('one FILE.py at a time');
    else file = a;
  }
  if (!file) fail('no FILE.py given');
  return { file, mode, options };
}

async function main(): Promise<void> {
  const { file, mode, options } = parse(process.argv.slice(2));
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch (e) {
    const why = e instanceof TypeError ? 'it is not UTF-8 text' : (e as Error).message;
    fail(`cannot read ${file}: ${why}`);
  }
  // The program runs in a contained engine process (main/host), never in this one.
  let trace;
  try {
    trace = await runContained(source, basename(file), options, {
      onContainment: (report) => {
        if (!report.contained) {
          process.stderr.write(
            `sim: warning: the engine runs NOT contained (${report.problems.join('; ')})\n`,
          );
        }
      },
    });
  } catch (e) {
    process.stderr.write(`sim: ${(e as Error).message}\n`);
    process.exit(70);
  }
  if (mode === 'json') process.stdout.write(`${JSON.stringify(trace)}\n`);
  else if (mode === 'steps') process.stdout.write(`${formatSteps(trace).join('\n')}\n`);
  else {
    for (const e of trace.events) {
      if (e.t === 'output') (e.stream === 'stdout' ? process.stdout : process.stderr).write(e.text);
    }
  }
  if (ENGINE_ENDS.has(trace.end.kind)) process.stderr.write(`${trace.end.message}\n`);
  process.exitCode = trace.end.exitCode;
}

void main();
