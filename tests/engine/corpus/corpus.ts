// The hand-written corpus: every NAME.py here, its golden stdout NAME.out, and what its header
// comments promise. A header line `# exit: KIND` says how the run ends (default ok); `# stderr: TEXT`
// names text its stderr must contain (stderr is otherwise free: tracebacks differ by design).
// `# native: real` marks a program whose golden is also what native python3 prints running it for
// real (real loopback sockets, threads and files): its output does not depend on timing or on the
// machine (tests/engine/native-real.test.ts holds it to that). `# virtual: KIND TEXT` marks one
// that the virtual world cannot run as a real machine does (a documented limit of its model, e.g. a
// thread that must wait for the loop): on the engine and the oracle it ends as KIND with TEXT in
// its message, both alike, and only native python3 prints the golden.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface CorpusProgram {
  /** File name without .py, e.g. "01_gather_abc". */
  name: string;
  fileName: string;
  source: string;
  expectedExit: string;
  stderrContains: string[];
  /** `# native: real`: native python3 running it for real prints the golden too. */
  nativeReal: boolean;
  /** `# virtual: KIND TEXT`: how the virtual world ends it instead of printing the golden. */
  virtual?: { kind: string; text: string };
  goldenPath: string;
}

export function loadCorpus(): CorpusProgram[] {
  return readdirSync(CORPUS_DIR)
    .filter((file) => file.endsWith('.py'))
    .sort()
    .map((fileName) => {
      const source = readFileSync(CORPUS_DIR + fileName, 'utf8');
      const lines = source.split('\n');
      const headerEnd = lines.findIndex((line) => !line.startsWith('#'));
      const header = lines.slice(0, headerEnd < 0 ? lines.length : headerEnd);
      const field = (key: string) =>
        header
          .filter((line) => line.startsWith(`# ${key}: `))
          .map((line) => line.slice(`# ${key}: `.length).trim());
      const name = fileName.slice(0, -'.py'.length);
      return {
        name,
        fileName,
        source,
        expectedExit: field('exit')[0] ?? 'ok',
        stderrContains: field('stderr'),
        nativeReal: field('native').includes('real'),
        virtual: virtualEnd(field('virtual')[0]),
        goldenPath: `${CORPUS_DIR}${name}.out`,
      };
    });
}

function virtualEnd(value: string | undefined): CorpusProgram['virtual'] {
  if (value === undefined) return undefined;
  const [kind, ...text] = value.split(' ');
  return { kind, text: text.join(' ') };
}

export function readGolden(program: CorpusProgram): string | undefined {
  return existsSync(program.goldenPath) ? readFileSync(program.goldenPath, 'utf8') : undefined;
}

export function writeGolden(program: CorpusProgram, stdout: string): void {
  writeFileSync(program.goldenPath, stdout);
}

/** UPDATE_GOLDEN=1 rewrites every NAME.out from the oracle in Pyodide instead of comparing. */
export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';
