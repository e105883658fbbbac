// `npm run bench`: runs every benchmark in turn and prints its figures. Benchmarks report
// medians and ratios taken in the same run; nothing here passes or fails on a timing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = ['tests/bench/engine.ts', 'tests/bench/host.ts', 'tests/bench/stage.ts'];
const only = process.argv.slice(2);
let failed = 0;

for (const file of benches) {
  if (only.length > 0 && !only.some((name) => file.includes(name))) continue;
  if (!existsSync(file)) continue;
  console.log(`\n=== ${file}`);
  const result = spawnSync('npx', ['tsx', file], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.log(`(${file} exited with ${result.status})`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
