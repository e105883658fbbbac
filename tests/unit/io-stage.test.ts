// Lesson 18's checked-in trace (a real start_server, three clients, a worker thread per line):
// the narration names what arrives and whom it wakes, the world snapshot holds the threads and
// the bytes in flight, the timeline draws socket and thread waits as I/O spans, and the strip's
// layout keeps every row inside its box, summing what does not fit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../common/trace';
import { buildAbc } from '../e2e/fixtures/build';
import { buildModel } from '../../renderer/src/player/model';
import { narrate } from '../../renderer/src/player/narration';
import { snapshotAt } from '../../renderer/src/player/snapshot';
import { buildTimeline } from '../../renderer/src/player/timeline';
import { spanTime } from '../../renderer/src/compare/align';
import type { WorldSnapshot } from '../../renderer/src/player/world';
import { lanesHeight, layoutStage } from '../../renderer/src/stage/layout';
import { layoutWorld } from '../../renderer/src/stage/worldLayout';

const trace = JSON.parse(
  readFileSync(new URL('../../lessons/expected/18-echo-server.trace.json', import.meta.url), 'utf8'),
) as Trace;
const model = buildModel(trace);
const sentences = trace.steps.map((_, i) => narrate(model, i));
const world = (step: number) => snapshotAt(model, step, { showInternals: false }).world!;
const stepOf = (text: string) => sentences.findIndex((s) => s.includes(text));

describe('I/O on the stage (lesson 18)', () => {
  it('narrates sends, the arrivals a clock jump meets and the tasks they wake', () => {
    expect(sentences).toContain(
      'cat sends 15 bytes to 127.0.0.1:32770 (arriving at t=0.150) and awaits read from 127.0.0.1:32770; now nothing is ready.',
    );
    expect(sentences).toContain(
      'Nothing is ready, so the virtual clock jumps from 0.100 to 0.150, when bytes or a connection arrive on a socket: 45 bytes from 3 senders arrive at t=0.150: handle #1, handle #2 and handle #3 wake.',
    );
    expect(sentences).toContain(
      'Nothing is ready, so the virtual clock jumps from 0.250 to 0.300, when bytes or a connection arrive on a socket: 45 bytes from 127.0.0.1:32770 arrive at t=0.300: ann, bob and cat wake.',
    );
    expect(sentences).toContainEqual(
      expect.stringContaining('handle #1 hands shout to thread asyncio_0 (it runs from t=0.150 to t=0.250)'),
    );
  });

  it('holds the bytes in flight, then at the jump the ones that arrived, at their receiver', () => {
    const sent = stepOf('cat sends 15 bytes');
    expect(world(sent).packets.map((p) => `${p.from} -> ${p.to} ${p.progress} ${p.arrived}`)).toEqual([
      '127.0.0.1:32771 -> 127.0.0.1:32770 0 false',
      '127.0.0.1:32772 -> 127.0.0.1:32770 0 false',
      '127.0.0.1:32773 -> 127.0.0.1:32770 0 false',
    ]);
    // The handler reading from 127.0.0.1:32771 is the only reader of that peer: it is named.
    expect(world(sent).packets[0].reader).toBe('handle #1');
    const jump = sent + 1;
    expect(world(jump).packets.map((p) => `${p.from} ${p.progress} ${p.arrived}`)).toEqual([
      '127.0.0.1:32771 1 true',
      '127.0.0.1:32772 1 true',
      '127.0.0.1:32773 1 true',
    ]);
    // The same key at both steps: the stage moves each packet along its track.
    expect(world(jump).packets.map((p) => p.key)).toEqual(world(sent).packets.map((p) => p.key));
    expect(world(jump + 1).packets).toEqual([]);
  });

  it('lists the worker threads with the job each runs, then idle with what they did', () => {
    const handed = stepOf('handle #3 hands shout to thread asyncio_2');
    expect(world(handed).threads).toEqual(
      ['asyncio_0', 'asyncio_1', 'asyncio_2'].map((thread) => ({
        thread,
        job: 'shout',
        detail: '0.150–0.250',
        progress: 0,
      })),
    );
    expect(world(handed + 1).threads.map((t) => `${t.thread}: ${t.detail}`)).toEqual([
      'asyncio_0: idle, 1 done',
      'asyncio_1: idle, 1 done',
      'asyncio_2: idle, 1 done',
    ]);
    expect(world(handed).rowsEver).toBe(3);
    // asyncio.run's own thread that shuts the default executor down shows with internals only.
    const last = trace.steps.length - 1;
    expect(world(last).threads.map((t) => t.thread)).toEqual(['asyncio_0', 'asyncio_1', 'asyncio_2']);
    const inside = snapshotAt(model, last, { showInternals: true }).world!.threads.map((t) => t.thread);
    expect(inside).toEqual(['asyncio_0', 'asyncio_1', 'asyncio_2', 'Thread-1 (_do_shutdown)']);
  });

  it('draws waits on sockets and threads as I/O spans, and other waits as plain waits', () => {
    const tl = buildTimeline(model);
    const states = (label: string) =>
      new Set(tl.rows.filter((r) => model.info[r.actor].label.startsWith(label)).flatMap((r) => r.state));
    // ann's last wait, writer.wait_closed(), is on a future: a plain wait.
    expect(states('ann')).toEqual(new Set(['ready', 'running', 'io', 'waiting']));
    expect(states('handle')).toEqual(new Set(['ready', 'running', 'io']));
    // main's start_server ("listen on 127.0.0.1:0") is I/O; its gather is a plain wait.
    expect(states('main')).toEqual(new Set(['ready', 'running', 'io', 'waiting']));
  });
});

describe('blocking calls on the timeline', () => {
  const spans = (id: string) => {
    const t = JSON.parse(
      readFileSync(new URL(`../../lessons/expected/${id}.trace.json`, import.meta.url), 'utf8'),
    ) as Trace;
    const m = buildModel(t);
    return Object.fromEntries(
      buildTimeline(m).rows.map((r) => [
        m.info[r.actor].label,
        r.state
          .map((st, i) =>
            [st, ...spanTime(t.steps, r.from[i], r.to[i], st).map((x) => x.toFixed(2))].join(' '),
          )
          .filter((x) => !x.startsWith('ready') && !x.startsWith('running')),
      ]),
    );
  };

  it('shows each blocking call of a sync program as a span of its own (connect, then the reply)', () => {
    expect(spans('02a-sync-waits').main).toEqual([
      'blocked 0.00 0.10',
      'blocked 0.10 3.21',
      'blocked 3.21 3.31',
      'blocked 3.31 4.42',
      'blocked 4.42 4.52',
      'blocked 4.52 5.63',
    ]);
  });

  it('tells a blocking download (the loop held) from one in a worker thread (an I/O wait)', () => {
    const lesson4 = spans('04-blocking-read');
    expect(lesson4.A).toEqual(['blocked 0.00 1.21']);
    expect(lesson4.B).toEqual(['blocked 1.21 2.42']);
    expect(lesson4.C).toEqual(['io 2.42 3.63']);
    expect(lesson4.D).toEqual(['io 2.42 3.63']);
  });
});

describe('the world strip layout', () => {
  const inside = (
    r: { x: number; y: number; w: number },
    box: { x: number; y: number; w: number; h: number },
  ) => r.x >= box.x && r.x + r.w <= box.x + box.w + 0.01 && r.y >= box.y && r.y < box.y + box.h;

  it('keeps a run without threads or sends exactly as before: no strip, the lanes full height', () => {
    const abc = buildModel(buildAbc());
    const snap = snapshotAt(abc, 4, { showInternals: false });
    expect(snap.world).toBeNull();
    expect(lanesHeight(snap, 1000, 500)).toBe(500);
    expect(layoutStage(snap, 1000, 500).world).toBeNull();
  });

  it('gives lesson 18 a strip under the lanes, as tall as three rows need', () => {
    const snap = snapshotAt(model, stepOf('cat sends 15 bytes'), { showInternals: false });
    const l = layoutStage(snap, 1000, 600);
    expect(l.world!.rect.y + l.world!.rect.h).toBe(600);
    expect(l.lanes.every((lane) => lane.h === l.world!.rect.y)).toBe(true);
    expect(l.world!.network!.rows).toHaveLength(3);
    for (const r of l.world!.network!.rows)
      for (const lb of [r.from, r.to, r.info]) expect(inside(lb, l.world!.network!.box)).toBe(true);
  });

  it('sums the messages that do not fit, as 1,000 clients send, in a last row inside the box', () => {
    const packets = Array.from({ length: 40 }, (_, i) => ({
      key: String(i),
      from: `127.0.0.1:${33000 + i}`,
      to: '127.0.0.1:32770',
      bytes: 10,
      sent: 0.3,
      arrives: 0.35,
      progress: 0.5,
      arrived: false,
      reader: '',
    }));
    const w: WorldSnapshot = {
      threadsEver: false,
      networkEver: true,
      rowsEver: 40,
      threads: [],
      threadsMore: 0,
      busyMore: 0,
      packets,
      packetsMore: 960,
      bytesMore: 9600,
    };
    const l = layoutWorld(w, { x: 0, y: 400, w: 1000, h: 150 }, 1)!;
    expect(l.threads).toBeNull();
    const net = l.network!;
    expect(net.title.text).toBe('Network: messages in flight (1000)');
    expect(net.rows.length).toBeGreaterThan(0);
    expect(net.more!.text).toBe(
      `+${1000 - net.rows.length} more in flight (${((1000 - net.rows.length) * 10).toLocaleString('en-US')} bytes)`,
    );
    for (const r of net.rows) expect(r.y).toBeLessThan(net.more!.y);
    expect(net.more!.y + 20).toBeLessThanOrEqual(550);
  });
});
