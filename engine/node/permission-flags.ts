// The command-line flags that contain the engine process: Node's permission model with read
// access to the listed folders only (no writes, network, child processes, workers, addons or
// WASI: none of --allow-net, --allow-child-process, --allow-worker, --allow-addons, --allow-wasi
// is given), and no code generation from strings, which closes every `Function(...)` / `eval`
// route. The flag names differ by Node version, so each is asked of the runtime that runs them.

/** What the runtime that will start the engine process accepts. */
export interface RuntimeFlags {
  has(flag: string): boolean;
}

const currentRuntime: RuntimeFlags = { has: (flag) => process.allowedNodeEnvironmentFlags.has(flag) };

export function permissionFlags(
  readPaths: readonly string[],
  runtime: RuntimeFlags = currentRuntime,
): string[] {
  // Node 22.13+/23.5+: --permission (from 25 it also denies the network); Node 20: --experimental-permission.
  const enable = runtime.has('--permission') ? '--permission' : '--experimental-permission';
  const flags = [enable, ...readPaths.map((p) => `--allow-fs-read=${p}`)];
  flags.push('--disallow-code-generation-from-strings');
  // Belt and braces: these globals and addons are removed before any user code exists.
  for (const extra of [
    '--no-addons',
    '--no-experimental-fetch',
    '--no-experimental-websocket',
    '--no-warnings',
  ]) {
    if (runtime.has(extra)) flags.push(extra);
  }
  return flags;
}
