// The engine process's frames to a Node host, written at once. A run is one synchronous task
// (Python runs inside it), so a stream's write would sit in its queue until the run ended: the
// host heard the first progress message and then nothing, and its step watchdog stopped every
// run longer than its budget, however short its steps. A blocking write reaches the host now.
import { writeSync } from 'node:fs';
import process from 'node:process';

/** The engine's end of the pipe its frames go out on (node-launcher.ts's fd 3). */
export const OUT_FD = 3;

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `bytes` to `fd`; exits quietly if the host has gone (nobody to answer to). */
export function writeFrame(fd: number, bytes: Uint8Array): void {
  let at = 0;
  while (at < bytes.length) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (e) {
      // A non-blocking pipe that is full: the host reads it on its own loop, so wait a little.
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else process.exit(0);
    }
  }
}
