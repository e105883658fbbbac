// The shared player's pure parts: the trace written into the page inert, read back as data,
// and the URL fragment that names a moment.
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../common/trace';
import { inertJson, playerHtml } from '../../main/export/player-html';
import { readEmbeddedTrace } from '../../renderer/src/share/embedded';
import { momentHash, parseMoment, stepOf } from '../../renderer/src/share/moment';

const TEMPLATE =
  '<html><body><div id="app"></div><script id="loopscope-trace" type="application/json"></script></body></html>';

const trace = {
  version: 1,
  source: 'print("</script><script>alert(1)</script>")\n',
  fileName: 'x.py',
  options: { seed: 0, maxSteps: 1, maxTime: 1, maxOutputBytes: 1, maxTasks: 1 },
  actors: [],
  steps: [0, 0, 0.1, 0.3, 0.3].map((time, i) => ({ kind: 'run', time, iteration: i, firstEvent: 0 })),
  events: [{ t: 'output', stream: 'stdout', text: '<!-- & \u2028 -->' }],
  end: { kind: 'ok', message: 'The program finished normally.', exitCode: 0 },
} as unknown as Trace;

/** Reads the data element back the way a browser would: its text up to the first "</script". */
function elementText(html: string): string {
  const open = '<script id="loopscope-trace" type="application/json">';
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.indexOf('</script', start));
}

describe('the trace in the page', () => {
  it('cannot end its element or start markup, and reads back as the same trace', () => {
    const html = playerHtml(TEMPLATE, trace);
    const text = elementText(html);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(trace);
    expect(html.endsWith('</script></body></html>')).toBe(true);
  });

  it('escapes exactly the characters that matter', () => {
    expect(inertJson('</script> & \u2029')).toBe('"\\u003c/script\\u003e \\u0026 \\u2029"');
  });

  it('refuses a template without the slot for a run', () => {
    expect(() => playerHtml('<html></html>', trace)).toThrow(/no slot/);
  });

  it('reads the embedded run, or says why it cannot', () => {
    const doc = (text: string | null) =>
      ({ getElementById: () => (text === null ? null : { textContent: text }) }) as unknown as Document;
    expect(readEmbeddedTrace(doc(elementText(playerHtml(TEMPLATE, trace))))).toEqual(trace);
    expect(readEmbeddedTrace(doc(''))).toMatch(/holds no run/);
    expect(readEmbeddedTrace(doc(null))).toMatch(/holds no run/);
    expect(readEmbeddedTrace(doc('{"steps":'))).toMatch(/not valid JSON/);
    expect(readEmbeddedTrace(doc('{"version":1}'))).toMatch(/not a Loopscope trace/);
    expect(readEmbeddedTrace(doc(JSON.stringify({ ...trace, version: 9 })))).toMatch(/trace version 9/);
  });
});

describe('the moment a fragment names', () => {
  it('parses steps, the end and times; anything else is the start', () => {
    expect(parseMoment('#step=12')).toEqual({ step: 12 });
    expect(parseMoment('#end')).toEqual({ end: true });
    expect(parseMoment('#t=0.3')).toEqual({ time: 0.3 });
    for (const h of ['', '#', '#step=-1', '#step=x', '#t=abc', '#stepp=1', '#<img>'])
      expect(parseMoment(h)).toBeNull();
  });

  it('finds the step in a trace, clamped to it', () => {
    expect(stepOf({ step: 2 }, trace)).toBe(2);
    expect(stepOf({ step: 99 }, trace)).toBe(4);
    expect(stepOf({ end: true }, trace)).toBe(4);
    expect(stepOf({ time: 0.2 }, trace)).toBe(3);
    expect(stepOf({ time: 0.1 }, trace)).toBe(2);
    expect(stepOf({ time: 5 }, trace)).toBe(4);
    expect(stepOf(null, trace)).toBe(0);
  });

  it('writes the fragment that reopens a step', () => {
    expect(momentHash(3, 4)).toBe('#step=3');
    expect(momentHash(4, 4)).toBe('#end');
    expect(momentHash(1, 1)).toBe('#step=1');
  });
});
