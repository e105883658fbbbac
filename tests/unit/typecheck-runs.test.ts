// svelte-check has been seen to pass vacuously; this proves both checkers really report errors.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function run(command: string, args: string[]): { code: number; output: string } {
  try {
    const output = execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

describe('the type checkers really run', () => {
  it('tsc reports the deliberate type error', () => {
    const result = run('npx', ['tsc', '-p', 'tests/typecheck/tsconfig.json']);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('deliberate-error.ts');
    expect(result.output).toMatch(/TS2353|TS2322|TS2739/);
  });

  it('svelte-check reports the deliberate type error in a component', () => {
    const result = run('npx', [
      'svelte-check',
      '--workspace',
      'tests/typecheck',
      '--tsconfig',
      './tsconfig.json',
      '--output',
      'machine',
    ]);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(
      /ERROR "DeliberateError\.svelte" 4:\d+ "Type 'number' is not assignable to type 'string'/,
    );
  });
});
