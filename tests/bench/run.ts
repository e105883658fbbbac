// `npm run bench`: runs every benchmark in turn and prints its figures. Benchmarks report
// medians and ratios taken in the same run; nothing here passes or fails on a timing.
// LOOPSCOPE_BENCH_NODE=/path/to/node runs the engine benchmark once more on that Node: the app's
// engine runs on Electron's Node (24 or later, with WebAssembly GC), which may not be the Node
// that runs this script.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = [
  'tests/bench/engine.ts',
  'tests/bench/capture.ts',
  'tests/bench/chromium.ts',
  'tests/bench/io.ts',
  'tests/bench/host.ts',
  'tests/bench/stage.ts',
];
const only = process.argv.slice(2);
const otherNode = process.env.LOOPSCOPE_BENCH_NODE;
let failed = 0;

function bench(file: string, node: string, args: string[]): void {
  console.log(`\n=== ${file}${node === 'npx' ? '' : ` on ${node}`}`);
  const result = spawnSync(node, args, { stdio: 'inherit' });
  if (result.error) {
    console.log(`(${file} could not start: ${result.error.message})`);
    failed++;
  } else if (result.status !== 0) {
    console.log(`(${file} exited with ${result.status})`);
    failed++;
  }
}

for (const file of benches) {
  if (only.length > 0 && !only.some((name) => file.includes(name))) continue;
  if (!existsSync(file)) continue;
  bench(file, 'npx', ['tsx', file]);
  if (otherNode && file.endsWith('engine.ts')) bench(file, otherNode, ['--import', 'tsx', file]);
}
process.exit(failed > 0 ? 1 : 0);
