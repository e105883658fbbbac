// Which Node runs the engine process. Node's permission model denies the network only from Node 25
// on (`--permission` without `--allow-net`: net.connect, fetch, listen, and the tcp_wrap/pipe_wrap
// bindings all fail with ERR_ACCESS_DENIED). The installed Node runs it when it is 25 or later;
// otherwise the Node pinned in package.json's optionalDependencies (npm's platform packages
// node-<platform>-<arch>, installed only where os/cpu match). Without either the host refuses.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The first Node major whose permission model denies the network. */
export const NETWORK_DENYING_NODE = 25;

export interface EngineRuntime {
  /** The node binary. */
  execPath: string;
  /** e.g. "v26.10.0". */
  version: string;
  /** Where it comes from, for people. */
  source: 'installed' | 'pinned';
  /** Whether its permission model denies the network (major >= 25). */
  networkDenied: boolean;
  /** The command-line flags it accepts (process.allowedNodeEnvironmentFlags). */
  flags: ReadonlySet<string>;
}

export class NoEngineRuntime extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'NoEngineRuntime';
  }
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}

const major = (version: string): number => Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);

const cache = new Map<string, EngineRuntime>();

/** Asks the binary itself what it is and which flags it takes (one short run, cached). */
function describe(execPath: string, source: EngineRuntime['source']): EngineRuntime {
  const cached = cache.get(execPath);
  if (cached) return cached;
  const out = execFileSync(
    execPath,
    [
      '-e',
      'process.stdout.write(JSON.stringify([process.version, [...process.allowedNodeEnvironmentFlags]]))',
    ],
    { env: {}, encoding: 'utf8', timeout: 20_000 },
  );
  const [version, flags] = JSON.parse(out) as [string, string[]];
  const runtime: EngineRuntime = {
    execPath,
    version,
    source,
    networkDenied: major(version) >= NETWORK_DENYING_NODE,
    flags: new Set(flags),
  };
  cache.set(execPath, runtime);
  return runtime;
}

/** The pinned package's binary for this platform, if npm installed it. */
export function pinnedNodePath(platform = process.platform, arch = process.arch): string | null {
  const name = `node-${platform}-${arch}`;
  try {
    const pkgJson = createRequire(import.meta.url).resolve(`${name}/package.json`);
    const pkg = JSON.parse(readFileSync(pkgJson, 'utf8')) as { bin?: string | Record<string, string> };
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['node'];
    if (!bin) return null;
    const path = join(dirname(pkgJson), bin);
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The pinned version, as package.json's optionalDependencies say (for messages). */
function pinnedVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require('../../package.json') as { optionalDependencies?: Record<string, string> };
    return pkg.optionalDependencies?.[`node-${process.platform}-${process.arch}`] ?? '26';
  } catch {
    return '26';
  }
}

/**
 * The Node that runs the engine: this one if it is >= 25 (and plain Node, not Electron),
 * else the pinned package's. Throws NoEngineRuntime, saying what to do, when neither is there.
 */
export function findEngineRuntime(): EngineRuntime {
  const inElectron = typeof process.versions['electron'] === 'string';
  const pinned = pinnedNodePath();
  if (!inElectron && major(process.version) >= NETWORK_DENYING_NODE)
    // `npm run` puts node_modules/.bin first on PATH, so this may be the pinned one already.
    return describe(process.execPath, pinned && samePath(pinned, process.execPath) ? 'pinned' : 'installed');
  if (pinned) {
    const runtime = describe(pinned, 'pinned');
    if (runtime.networkDenied) return runtime;
  }
  throw new NoEngineRuntime(
    `no Node >= ${NETWORK_DENYING_NODE} to run the engine: this is Node ${process.version}, and the pinned ` +
      `node-${process.platform}-${process.arch}@${pinnedVersion()} is not installed ` +
      `(run \`npm install\`, or install Node ${NETWORK_DENYING_NODE} or later). The engine runs only where ` +
      `Node's permission model denies it the network, so no program was run.`,
  );
}
