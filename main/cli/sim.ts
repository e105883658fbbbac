// `npm run sim -- FILE.py [options]`: runs a program on the engine and prints what it printed
// (its stdout on stdout, its stderr on stderr; terminal control characters shown escaped, e.g.
// \x1b[2J as text, newlines and tabs kept), or its steps, or its trace. Exit status is the run's;
// a run the engine or the host ended (deadlock, a cap, a budget) adds one line saying why on
// stderr. `--html OUT.html` also writes the run as a self-contained player for any browser.
// The program runs in a contained engine process (main/host), never in this one; what
// that process sends is checked before anything of it is printed.

import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { engineRuntimeReport, runContained } from '../host/run-contained';
import { NoEngineRuntime } from '../host/engine-runtime';
import { END_KINDS, type EndKind, type RunOptions, type Trace } from '../../common/trace';
import { formatSteps } from './steps';
import { formatAt, parseWhen, replayTo, resolveWhen, type When } from './at';
import { renameTasksIn, taskNames, type TaskNaming } from '../../common/taskNames';
import { escapeControls } from './escape';
import { playerHtml } from '../export/player-html';
import { playerTemplate } from './player-template';
import { formatWarnings } from './warnings';

const USAGE = `usage: npm run sim -- FILE.py [--steps | --json | --at WHEN [--internal] [--replay]] [--cpython-names]
       [--seed N] [--max-steps N]
       [--max-time SECONDS] [--max-output BYTES] [--max-tasks N] [--max-step-lines N]
       [--max-sockets N] [--max-network-bytes BYTES] [--max-threads N] [--max-file-bytes BYTES]
       [--no-capture]
       WHEN: a step number, end, or a lesson bookmark ('when "x" is printed', 'at t=0.3')

       [--wall-budget SECONDS] [--step-budget SECONDS] [--memory-cap MB] [--html OUT.html]
       npm run sim -- --version`;

const NUMERIC: Record<string, Exclude<keyof RunOptions, 'capture'>> = {
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

/** Ends the program reaches itself: they speak for themselves. */
const PROGRAM_ENDS: readonly EndKind[] = ['ok', 'exception', 'syntaxError', 'exit'];
/** Ends the engine or the host imposes (deadlock, a cap, a budget): they get a line on stderr. */
const ENGINE_ENDS = new Set<EndKind>(END_KINDS.filter((k) => !PROGRAM_ENDS.includes(k)));

function fail(message: string): never {
  process.stderr.write(`sim: ${message}\n${USAGE}\n`);
  process.exit(2);
}

const HOST_OPTIONS: Record<string, 'wallBudgetMs' | 'stepBudgetMs' | 'memoryCapMb'> = {
  '--wall-budget': 'wallBudgetMs',
  '--step-budget': 'stepBudgetMs',
  '--memory-cap': 'memoryCapMb',
};

function parse(argv: string[]): {
  file: string;
  mode: 'output' | 'steps' | 'json' | 'at';
  html: string | null;
  naming: TaskNaming;
  at: { when: When; internal: boolean; replay: boolean } | null;
  options: Partial<RunOptions>;
  host: { wallBudgetMs?: number; stepBudgetMs?: number; memoryCapMb?: number };
} {
  let file = '';
  let naming: TaskNaming = 'friendly';
  // Widened: setMode changes it inside a closure, which narrowing does not follow.
  let mode = 'output' as 'output' | 'steps' | 'json' | 'at';
  let html: string | null = null;
  let when: When | null = null;
  let internal = false;
  let replay = false;
  const options: Partial<RunOptions> = {};
  const host: { wallBudgetMs?: number; stepBudgetMs?: number; memoryCapMb?: number } = {};
  // One way to print the run: a second would silently win over the first.
  const setMode = (m: typeof mode, flag: string): void => {
    if (mode !== 'output' && mode !== m) fail(`${flag} cannot go with --${mode === 'at' ? 'at' : mode}`);
    mode = m;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--version') {
      printVersion();
    } else if (a in HOST_OPTIONS) {
      const v = Number(argv[++i]);
      if (argv[i] === undefined || !Number.isFinite(v) || v <= 0) fail(`${a} needs a positive number`);
      host[HOST_OPTIONS[a]] = a === '--memory-cap' ? v : v * 1000;
    } else if (a === '--html') {
      html = argv[++i] ?? '';
      if (!html.toLowerCase().endsWith('.html')) fail('--html needs an output file name ending in .html');
    } else if (a === '--no-capture') options.capture = false;
    else if (a === '--internal') internal = true;
    else if (a === '--replay') replay = true;
    else if (a === '--at') {
      const text = argv[++i];
      if (text === undefined) fail('--at needs WHEN');
      when = parseWhen(text);
      if (when === null)
        fail(`--at: cannot read WHEN "${text}": give a step number, end, or a bookmark condition`);
      setMode('at', a);
    } else if (a === '--steps') setMode('steps', a);
    else if (a === '--cpython-names') naming = 'cpython';
    else if (a === '--json') setMode('json', a);
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
  if ((internal || replay) && mode !== 'at') fail('--internal and --replay go with --at');
  if (mode === 'at' && options.capture === false)
    fail('--at shows task state: it cannot go with --no-capture');
  return { file, mode, html, naming, at: when === null ? null : { when, internal, replay }, options, host };
}

function printVersion(): never {
  const r = engineRuntimeReport();
  const lines = [`loopscope sim, CLI on Node ${process.version}`];
  if ('error' in r) {
    lines.push(`engine: none available: ${r.error}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exit(69);
  }
  lines.push(
    `engine: Node ${r.version} (${r.source === 'installed' ? 'the installed Node' : 'pinned npm package'}: ${r.execPath})`,
    `network: ${r.networkDenied ? "denied by Node's permission model (--permission without --allow-net)" : 'NOT denied'}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exit(0);
}

async function main(): Promise<void> {
  const { file, mode, html, naming, at, options, host } = parse(process.argv.slice(2));
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
  } catch (e) {
    const why = e instanceof TypeError ? 'it is not UTF-8 text' : (e as Error).message;
    fail(`cannot read ${file}: ${why}`);
  }
  // The program runs in a contained engine process (main/host), never in this one.
  const run = async (runOptions: Partial<RunOptions>): Promise<Trace> => {
    try {
      return await runContained(source, basename(file), runOptions, {
        ...host,
        onContainment: (report) => {
          if (!report.contained) {
            process.stderr.write(
              `sim: warning: the engine runs NOT contained (${report.problems.join('; ')})\n`,
            );
          }
        },
      });
    } catch (e) {
      process.stderr.write(`sim: ${escapeControls((e as Error).message)}\n`);
      process.exit(e instanceof NoEngineRuntime ? 69 : 70);
    }
  };
  // --at --replay: the skeleton without task state, then a replay with it up to the step.
  const trace = await run(at?.replay ? { ...options, capture: false } : options);
  try {
    if (mode === 'json') process.stdout.write(`${JSON.stringify(trace)}\n`);
    else if (mode === 'steps')
      process.stdout.write(`${escapeControls(formatSteps(trace, naming).join('\n'))}\n`);
    else if (at !== null) {
      const step = resolveWhen(trace, at.when);
      if (typeof step === 'string') fail(`--at: ${step}`);
      const state = at.replay ? await replayTo(trace, step, run) : trace;
      process.stdout.write(
        `${escapeControls(formatAt(state, step, at.internal, trace.steps.length - 1, naming).join('\n'))}\n`,
      );
    } else {
      for (const e of trace.events as unknown[]) {
        const o = e as { t?: unknown; stream?: unknown; text?: unknown; lines?: unknown; chars?: unknown };
        if (
          o?.t === 'outputDropped' &&
          typeof o.lines === 'number' &&
          typeof o.chars === 'number' &&
          o.chars > 0
        ) {
          process.stderr.write(
            `sim: … ${o.lines} lines (${o.chars} characters) not kept: past the output cap only its first and last halves are kept (--max-output raises it) …\n`,
          );
          continue;
        }
        if (o?.t !== 'output' || typeof o.text !== 'string') continue;
        (o.stream === 'stdout' ? process.stdout : process.stderr).write(escapeControls(o.text));
      }
      for (const line of formatWarnings(trace)) process.stderr.write(`${escapeControls(line)}\n`);
    }
  } catch (e) {
    // The trace's events are checked where they are read; a malformed one ends here, not in a crash.
    process.stderr.write(`sim: the trace could not be printed: ${escapeControls((e as Error).message)}\n`);
    process.exit(70);
  }
  if (html !== null) await writePlayer(html, trace);
  if (ENGINE_ENDS.has(trace.end.kind)) {
    const said = renameTasksIn(trace.end.message, trace, taskNames(trace), naming);
    process.stderr.write(`${escapeControls(said)}\n`);
  }
  process.exitCode = trace.end.exitCode;
}

/** The run as one HTML file; a failure to write it is the CLI's (exit 73), not the program's. */
async function writePlayer(out: string, trace: Trace): Promise<void> {
  try {
    const page = playerHtml(await playerTemplate((line) => process.stderr.write(`${line}\n`)), trace);
    writeFileSync(out, page);
    process.stderr.write(
      `sim: wrote ${out} (${(page.length / 1e6).toFixed(1)} MB): open it in any browser\n`,
    );
  } catch (e) {
    process.stderr.write(`sim: could not write the player ${out}: ${escapeControls((e as Error).message)}\n`);
    process.exit(73);
  }
}

void main();
