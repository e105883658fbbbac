// What the engine process does to itself before and after the engine loads, on top of the
// permission flags: Node's permission model has no network switch before Node 25, and Pyodide
// can open real TCP sockets in Node (`pyodide_js.useNodeSockFS()`), so every socket, DNS and
// inspector entry point of Node is replaced by one that fails; and once Pyodide has loaded,
// the globals a Python `import js` could reach (process, require, fetch, ...) are removed.
import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import inspector from 'node:inspector';
import net from 'node:net';
import os from 'node:os';
import process from 'node:process';
import { syncBuiltinESMExports } from 'node:module';

export const NETWORK_DENIED = 'network access is disabled in the Loopscope engine';

function deniedError(): Error {
  return Object.assign(new Error(NETWORK_DENIED), { code: 'EACCES', errno: -13, syscall: 'connect' });
}

/**
 * The permission model refuses process.binding(), and Pyodide asks it for the file-system
 * constants while it loads; answer that one question from the public modules.
 */
export function answerConstantsBinding(): void {
  const proc = process as unknown as { binding: (name: string) => unknown };
  const original = proc.binding.bind(process);
  const constants = { os: os.constants, fs: fs.constants };
  proc.binding = (name: string) => (name === 'constants' ? constants : original(name));
}

/**
 * Every outgoing or listening socket fails the way a refused connection does (asynchronously,
 * with an 'error' event), so Pyodide's socket layer turns it into a Python OSError instead of
 * an exception that would take the process down.
 */
export function denyNetwork(): void {
  net.Socket.prototype.connect = function deniedConnect(this: net.Socket): net.Socket {
    process.nextTick(() => this.destroy(deniedError()));
    return this;
  } as typeof net.Socket.prototype.connect;
  net.Server.prototype.listen = function deniedListen(this: net.Server): net.Server {
    process.nextTick(() => this.emit('error', deniedError()));
    return this;
  } as typeof net.Server.prototype.listen;
  const refuseDgram = function (this: dgram.Socket): void {
    process.nextTick(() => this.emit('error', deniedError()));
  };
  dgram.Socket.prototype.bind = refuseDgram as unknown as typeof dgram.Socket.prototype.bind;
  dgram.Socket.prototype.send = refuseDgram as unknown as typeof dgram.Socket.prototype.send;
  dgram.Socket.prototype.connect = refuseDgram as unknown as typeof dgram.Socket.prototype.connect;
  const dnsNames = [
    'lookup',
    'lookupService',
    'resolve',
    'resolve4',
    'resolve6',
    'resolveAny',
    'reverse',
  ] as const;
  for (const name of dnsNames) {
    (dns as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const cb = args[args.length - 1];
      if (typeof cb === 'function') process.nextTick(() => (cb as (e: Error) => void)(deniedError()));
      else throw deniedError();
    };
    (dns.promises as unknown as Record<string, unknown>)[name] = async () => {
      throw deniedError();
    };
  }
  dns.Resolver.prototype.resolve = function () {
    throw deniedError();
  } as unknown as typeof dns.Resolver.prototype.resolve;
  (inspector as { open: unknown }).open = () => {
    throw deniedError();
  };
  syncBuiltinESMExports();
}

export const PROCESSES_DENIED = 'starting processes is disabled in the Loopscope engine';

/**
 * The permission model already refuses child processes, by throwing; but Emscripten's system()
 * (Python's os.system) calls spawnSync from inside the interpreter, where a throw is fatal to
 * Pyodide. A refused spawnSync therefore returns "command not found" (status 127) instead.
 */
export function denyProcesses(): void {
  const error = (): Error =>
    Object.assign(new Error(PROCESSES_DENIED), { code: 'EACCES', errno: -13, syscall: 'spawn' });
  const cp = childProcess as unknown as Record<string, unknown>;
  cp['spawnSync'] = () => ({
    pid: 0,
    output: [null, null, null],
    stdout: null,
    stderr: null,
    status: 127,
    signal: null,
    error: error(),
  });
  for (const name of ['spawn', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
    cp[name] = () => {
      throw error();
    };
  }
  syncBuiltinESMExports();
}

/** Whether denyNetwork() is in force (checked at start-up and reported with containment). */
export function networkDenied(): boolean {
  return net.Socket.prototype.connect.name === 'deniedConnect';
}

/** Globals removed after Pyodide has loaded: each is a way from `import js` to the machine. */
const HIDDEN_GLOBALS = [
  'process',
  'require',
  'module',
  'exports',
  'fetch',
  'WebSocket',
  'EventSource',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'navigator',
  'Buffer',
] as const;

export function hideGlobals(): string[] {
  const hidden: string[] = [];
  const g = globalThis as Record<string, unknown>;
  for (const name of HIDDEN_GLOBALS) {
    if (name in g) {
      delete g[name];
      if (name in g)
        Object.defineProperty(g, name, { value: undefined, configurable: false, writable: false });
      hidden.push(name);
    }
  }
  // Emscripten's exit path (os._exit) sets process.exitCode before it throws: give it a plain
  // object that holds nothing, so the program's exit is reported instead of a ReferenceError.
  g['process'] = { exitCode: undefined, argv: [], env: {}, versions: {} };
  return hidden;
}
