// What the engine page accepts from its worker (engine/chromium/protocol.ts): anything else ends
// the run as a breach. A program that reached JavaScript could post any of these shapes.
import { describe, expect, it } from 'vitest';
import { ENGINE_CSP, engineHeaders, workerMessage } from '../../engine/chromium/protocol';

const trace = {
  version: 1,
  source: 'pass',
  fileName: 'a.py',
  options: {},
  actors: [],
  steps: [{ kind: 'start' }],
  events: [],
  end: { kind: 'ok', message: '', exitCode: 0 },
};

describe('worker messages', () => {
  it('accepts the protocol', () => {
    for (const m of [
      { type: 'ready', loadMs: 1, interrupts: true, evalRefused: true },
      { type: 'startFailed', message: 'x' },
      { type: 'progress', runId: 1, steps: 5 },
      { type: 'finishing', runId: 1 },
      { type: 'result', runId: 1, trace, interrupted: false },
      { type: 'failed', runId: 1, message: 'x' },
    ])
      expect(workerMessage.safeParse(m).success, JSON.stringify(m)).toBe(true);
  });

  it('refuses malformed, forged or padded messages', () => {
    for (const m of [
      null,
      'result',
      { type: 'result', runId: 1, trace: { forged: true }, interrupted: false },
      {
        type: 'result',
        runId: 1,
        trace: { ...trace, end: { kind: 'ok', message: '', exitCode: 0, extra: 1 } },
        interrupted: false,
      },
      {
        type: 'result',
        runId: 1,
        trace: { ...trace, end: { kind: 'passed', message: '', exitCode: 0 } },
        interrupted: false,
      },
      { type: 'result', runId: 1, trace: { ...trace, steps: 'many' }, interrupted: false },
      { type: 'result', runId: 1, trace, interrupted: false, tainted: false },
      { type: 'progress', runId: 1, steps: -1 },
      { type: 'progress', runId: 1, steps: 1.5 },
      { type: 'progress', runId: 0, steps: 1 },
      {
        type: 'result',
        runId: 1,
        trace: { ...trace, end: { kind: 'exit', message: '', exitCode: -1 } },
        interrupted: false,
      },
      {
        type: 'result',
        runId: 1,
        trace: { ...trace, end: { kind: 'exit', message: '', exitCode: 256 } },
        interrupted: false,
      },
      {
        type: 'result',
        runId: 1,
        trace: { ...trace, end: { kind: 'syntaxError', message: '', exitCode: 1, line: 2.5 } },
        interrupted: false,
      },
      { type: 'result', runId: 1, trace: { ...trace, version: -1 }, interrupted: false },
      { type: 'ready', loadMs: -1, interrupts: true, evalRefused: true },
      { type: 'ready', loadMs: 1, interrupts: true },
      { type: 'exit', code: 0 },
    ])
      expect(workerMessage.safeParse(m).success, JSON.stringify(m)).toBe(false);
  });
});

describe('engine page headers', () => {
  it('CSP without unsafe-eval, cross-origin isolation, wasm served as wasm', () => {
    const h = engineHeaders('/x/pyodide/pyodide.asm.wasm');
    expect(h['content-security-policy']).toBe(ENGINE_CSP);
    expect(ENGINE_CSP).not.toMatch(/'unsafe-eval'|'unsafe-inline'|\*/);
    expect(h['cross-origin-opener-policy']).toBe('same-origin');
    expect(h['cross-origin-embedder-policy']).toBe('require-corp');
    expect(h['content-type']).toBe('application/wasm');
    expect(engineHeaders('index.html')['content-type']).toBe('text/html; charset=utf-8');
    expect(engineHeaders('a/pyodide.asm.mjs')['content-type']).toBe('text/javascript');
  });
});
