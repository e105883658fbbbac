// The Node engine's in-place interrupt (engine/node/interrupt.ts): a step is stopped when it has
// used its budget in CPU time, or after WALL_CEILING budgets of real time whatever CPU it got;
// until then a step that is only slow (a loaded machine) is left alone and beats.
import { describe, expect, it } from 'vitest';
import { createInterruptSignal, WALL_CEILING } from '../../engine/node/interrupt';
import type { StepProbe } from '../../engine/node/step-probe';

function setup(budget: number) {
  const clock = { wall: 0, cpu: 0 };
  const probe: StepProbe = {
    steps: 0,
    stepStartedAt: 0,
    stepCpuAt: 0,
    reset() {},
    step() {},
    onBoundary: null,
  };
  const signal = createInterruptSignal(probe, { wallMs: () => clock.wall, cpuMs: () => clock.cpu });
  let beats = 0;
  signal.onPatient = () => beats++;
  signal.arm(budget, budget);
  const boundary = (): void => {
    Object.assign(probe, { stepStartedAt: clock.wall, stepCpuAt: clock.cpu });
  };
  boundary();
  // A later step than the first, whose budget is the plain one.
  clock.wall += 1;
  boundary();
  return { clock, signal, boundary, beats: () => beats };
}

describe('the interrupt signal', () => {
  it('stops a step that used its budget of CPU time once it is past it in real time', () => {
    const { clock, signal } = setup(1000);
    clock.wall += 900;
    clock.cpu += 900;
    expect(signal.buffer[0]).toBe(0);
    clock.wall += 200;
    clock.cpu += 200;
    expect(signal.buffer[0]).toBe(2);
    expect(signal.fired?.seconds).toBeCloseTo(1.1);
  });

  it('leaves a step that is slow only in real time alone, and beats meanwhile', () => {
    const { clock, signal, beats } = setup(1000);
    clock.wall += 1500;
    clock.cpu += 400;
    expect(signal.buffer[0]).toBe(0);
    expect(beats()).toBe(1);
    expect(signal.fired).toBeNull();
  });

  it('stops a step after WALL_CEILING budgets of real time however little CPU it got', () => {
    const { clock, signal } = setup(1000);
    clock.wall += WALL_CEILING * 1000 - 10;
    clock.cpu += 100;
    expect(signal.buffer[0]).toBe(0);
    clock.wall += 20;
    expect(signal.buffer[0]).toBe(2);
  });

  it('counts CPU time from the step boundary, not from the run', () => {
    const { clock, signal, boundary } = setup(1000);
    clock.wall += 800;
    clock.cpu += 800;
    boundary();
    clock.wall += 1200;
    clock.cpu += 500;
    expect(signal.buffer[0]).toBe(0);
  });

  it('asks again after an interrupt the program swallowed, and nothing once disarmed', () => {
    const { clock, signal } = setup(1000);
    clock.wall += 1100;
    clock.cpu += 1100;
    expect(signal.buffer[0]).toBe(2);
    clock.wall += 10;
    expect(signal.buffer[0]).toBe(0);
    clock.wall += 300;
    expect(signal.buffer[0]).toBe(2);
    signal.disarm();
    clock.wall += 300;
    expect(signal.buffer[0]).toBe(0);
  });
});
