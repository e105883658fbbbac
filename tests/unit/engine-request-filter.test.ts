// The engine window's request filter (main/engine-window/request-filter.ts): main's webRequest
// on the engine's partition cancels everything this refuses, and its protocol handler serves
// only what resolveEnginePath resolves.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineRequestAllowed, resolveEnginePath } from '../../main/engine-window/request-filter';

const dir = '/app/out/engine';
const get = (url: string): boolean => engineRequestAllowed(dir, { url, method: 'GET' });

describe('engine request filter', () => {
  it("allows GETs of the engine's own files on app://engine", () => {
    expect(get('app://engine/index.html')).toBe(true);
    expect(get('app://engine/')).toBe(true);
    expect(get('app://engine/assets/worker-abc.js')).toBe(true);
    expect(get('app://engine/pyodide/pyodide.asm.wasm')).toBe(true);
    expect(resolveEnginePath(dir, 'app://engine/pyodide/python_stdlib.zip')).toBe(
      join(dir, 'pyodide/python_stdlib.zip'),
    );
    expect(resolveEnginePath(dir, 'app://engine/')).toBe(join(dir, 'index.html'));
  });

  it('refuses every other scheme, host, port, credential and method', () => {
    for (const url of [
      'http://127.0.0.1:8080/',
      'https://example.com/index.html',
      'ws://127.0.0.1:9/',
      'file:///etc/passwd',
      'data:text/javascript,1',
      'blob:app://engine/1234',
      'app://loopscope/index.html',
      'app://engine.evil/index.html',
      'app://engine:81/index.html',
      'app://user:pw@engine/index.html',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ])
      expect(get(url), url).toBe(false);
    expect(engineRequestAllowed(dir, { url: 'app://engine/index.html', method: 'POST' })).toBe(false);
    expect(engineRequestAllowed(dir, { url: 'app://engine/index.html', method: 'HEAD' })).toBe(false);
  });

  it('never resolves a path outside the engine folder, however spelt', () => {
    // A URL's own dot segments are resolved by the URL parser, inside the origin's root.
    expect(resolveEnginePath(dir, 'app://engine/../main/index.js')).toBe(join(dir, 'main/index.js'));
    for (const url of [
      'app://engine/%2e%2e/main/index.js',
      'app://engine/assets/%2e%2e%2f%2e%2e%2fmain/index.js',
      'app://engine/..%5cmain%5cindex.js',
      'app://engine/%00index.html',
      'app://engine/%E0%A4%A',
    ]) {
      const path = resolveEnginePath(dir, url);
      if (path !== null) expect(path.startsWith(`${dir}/`), `${url} -> ${path}`).toBe(true);
    }
    expect(get('app://engine/..%5cmain%5cindex.js')).toBe(false);
    expect(get('app://engine/%00index.html')).toBe(false);
    expect(get('app://engine/%E0%A4%A')).toBe(false);
  });
});
