// The task table (tokio-console's columns) and the warning marks, at steps of a hand-written
// run of lesson 3: report blocks the loop in time.sleep(1.5) and heartbeat's tick comes late.
import { describe, expect, it } from 'vitest';
import { lanesAt } from '../../common/lanes';
import { indexTasks } from '../../renderer/src/player/taskIndex';
import { tableSums, taskTable } from '../../renderer/src/inspector/taskTable';
import { marksAt, warningMarks } from '../../renderer/src/inspector/warnings';
import { buildModel } from '../../renderer/src/player/model';
import { blockedTrace, deadlockTrace } from './support/inspector-traces';

describe('taskTable', () => {
  const trace = blockedTrace();
  const model = buildModel(trace);
  const index = indexTasks(trace);
  const sums = tableSums(model);
  const at = (step: number) => taskTable(model, index, sums, lanesAt(model.index, step), step);

  it('counts steps, busy and waiting virtual time up to the step', () => {
    const row = (step: number, name: string) => at(step).find((r) => r.name === name)!;
    expect(row(4, 'report')).toMatchObject({ state: 'ready', steps: 1, busy: 0, waiting: 0.75 });
    // The blocking step: report held the loop 1.5 s.
    expect(row(5, 'report')).toMatchObject({ state: 'running', steps: 2, busy: 1.5, waiting: 0.75 });
    expect(row(6, 'report')).toMatchObject({ state: 'done', detail: 'returned None', sinceWoken: null });
    // heartbeat waited from t=0 until its late wake-up at 2.25.
    expect(row(7, 'heartbeat')).toMatchObject({ state: 'running', steps: 2, busy: 0, waiting: 2.25 });
    expect(row(3, 'heartbeat')).toMatchObject({ state: 'waiting', detail: 'asyncio.sleep(0.5)', waiting: 0 });
  });

  it('says who created each task, where, and how long ago it was woken', () => {
    expect(at(4).map((r) => [r.name, r.createdBy, r.location, r.sinceWoken])).toEqual([
      ['main', '', 'line 38', 0.75],
      ['heartbeat', 'main', 'line 35', 0.75],
      ['report', 'main', 'line 35', 0],
    ]);
    expect(at(7).find((r) => r.name === 'main')!.sinceWoken).toBe(2.25);
  });

  it('is the same table stepping back as stepping forward', () => {
    const forward = [2, 5, 7].map(at);
    expect([7, 5, 2].map(at).reverse()).toEqual(forward);
  });
});

describe('warningMarks', () => {
  it('marks the blocking step on report and the late tick on heartbeat', () => {
    const trace = blockedTrace();
    const model = buildModel(trace);
    const marks = warningMarks(model, indexTasks(trace));
    expect(marks.map((m) => [m.kind, m.step, model.info[m.actor!].label])).toEqual([
      ['blockedLoop', 5, 'report'],
      ['overdue', 7, 'heartbeat'],
    ]);
    expect(marks[0].text).toBe('Blocked loop: report held the loop for 1.500 s in time.sleep(1.5) (line 31)');
    expect(marks[1].text).toContain('1.250 s after its timer was due');
    expect(marksAt(marks, 5).map((m) => m.kind)).toEqual(['blockedLoop']);
    expect(marksAt(marks, 6)).toEqual([]);
  });

  it('puts a deadlock cycle on the task that closes it', () => {
    const trace = deadlockTrace();
    const model = buildModel(trace);
    expect(warningMarks(model, indexTasks(trace)).map((m) => [m.kind, m.step, m.actor])).toEqual([
      ['deadlockCycle', 9, 2],
    ]);
  });
});
