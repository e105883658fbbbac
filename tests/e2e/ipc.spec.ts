// Every channel, every wrongly shaped payload, sent through the page's bridge to the same
// handlers the app registers: each answered with an error, and the app keeps working.
import { INVOKE_CHANNELS } from '../../main/ipc/channels';
import { badPayloads } from '../ipc-bad-payloads';
import { expect, test } from './harness';

type Reply = { ok: boolean; error?: string };

test('a wrongly shaped payload on every channel gets an error, and the app keeps working', async ({
  loopscope,
}) => {
  const { page } = loopscope;
  await page.goto('/index.html');
  let sent = 0;
  for (const channel of INVOKE_CHANNELS) {
    for (const payload of badPayloads[channel]) {
      const reply = await page.evaluate(
        ([c, p]) =>
          (
            window as unknown as { __loopscopeInvoke(c: string, p: unknown): Promise<Reply> }
          ).__loopscopeInvoke(c, p),
        [channel, payload] as const,
      );
      expect(reply.ok, `${channel} accepted ${JSON.stringify(payload)?.slice(0, 60)}`).toBe(false);
      expect(reply.error).toMatch(new RegExp(`^${channel}: invalid request`));
      sent++;
    }
  }
  expect(sent).toBeGreaterThan(INVOKE_CHANNELS.length);

  // Through the public API too: the preload's function rejects with the same message.
  const message = await page.evaluate(() =>
    window.loopscope.sim.run({ nonsense: 1 } as never).then(
      () => 'resolved',
      (e: Error) => e.message,
    ),
  );
  expect(message).toMatch(/^sim:run: invalid request/);

  // And the app still works: the engine runs a program, and the UI is alive.
  const trace = await page.evaluate(async () => {
    const result = await window.loopscope.sim.run({ source: 'print("still here")', fileName: 'ok.py' });
    if ('delivered' in result) throw new Error('the test bridge delivers traces whole');
    return result;
  });
  const printed = trace.events.flatMap((e) => (e.t === 'output' ? [e.text] : [])).join('');
  expect(printed).toBe('still here\n');
  expect(trace.end.kind).toBe('ok');
  await expect(page.getByRole('button', { name: /step forward/i }).first()).toBeVisible();
});
