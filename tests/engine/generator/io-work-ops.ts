// Thread and file steps of a generated I/O program's workers, as Python lines: asyncio.to_thread
// and run_in_executor jobs that time.sleep (on the default executor or the program's own pool),
// several jobs gathered, a threading.Thread started and joined, files written and read through
// to_thread and directly with open() (a BLOCK step), os calls, and the loop stalled by time.sleep.

import { indent, say, type IoOp } from './io-net-ops.ts';

// Jobs print their thread's name and time through job() (io-generate.ts): natively both are left
// out there, as which worker runs a job and when is the real machine's.

const JOB_SECONDS = [0, 0.05, 0.1, 0.3, 1.0] as const;

const toThread: IoOp = ({ rng, tag }) => [
  `print(f"${tag} to_thread gave {await asyncio.to_thread(job, '${tag}', ${rng.pick(JOB_SECONDS)})!r} {now()}")`,
];

const inExecutor: IoOp = ({ rng, tag }) => [
  `value = await loop.run_in_executor(${rng.pick(['None', 'pool'])}, job, "${tag}", ${rng.pick(JOB_SECONDS)})`,
  `print(f"${tag} executor gave {value!r} {now()}")`,
];

const gatheredJobs: IoOp = ({ rng, tag }) => {
  const jobs = Array.from(
    { length: rng.int(2, 5) },
    (_, k) =>
      `loop.run_in_executor(${rng.pick(['None', 'pool'])}, job, "${tag}/${k}", ${rng.pick(JOB_SECONDS)})`,
  );
  return [
    `values = await asyncio.gather(${jobs.join(', ')})`,
    `print(f"${tag} gathered {values!r} {now()}")`,
  ];
};

const failingJob: IoOp = ({ rng, tag }) => [
  'try:',
  `    await asyncio.to_thread(failing_job, "${tag}", ${rng.pick(JOB_SECONDS)})`,
  'except ValueError as error:',
  `    print(f"${tag} job raised {error!r} {now()}")`,
];

const threadJoin: IoOp = ({ rng, tag, native }) => [
  `thread = threading.Thread(target=job, args=("${tag}", ${rng.pick(JOB_SECONDS)}), name="${tag}-thread")`,
  'thread.start()',
  `await asyncio.sleep(${rng.pick([0, 0.1])})`,
  // Whether a thread is still alive at a given moment is a race natively.
  ...(native
    ? ['thread.join()']
    : [
        `print(f"${tag} thread alive {thread.is_alive()} {now()}")`,
        `thread.join(${rng.pick(['', '0.05'])})`,
      ]),
  `print(f"${tag} joined, alive {thread.is_alive()} {now()}")`,
];

const remoteInThread: IoOp = ({ rng, tag }) => [
  `value = await asyncio.to_thread(blocking_echo, "${tag}", "${rng.pick(['example.com', 'example.org'])}")`,
  `print(f"${tag} thread's echo {value!r} {now()}")`,
];

const fileThroughThread: IoOp = ({ rng, tag }) => [
  `size = await asyncio.to_thread(write_file, "${tag}.txt", "${tag} " * ${rng.pick([1, 100, 5000])})`,
  `print(f"${tag} wrote {size} in a thread {now()}")`,
  `text = await asyncio.to_thread(read_file, "${tag}.txt")`,
  `print(f"${tag} read {len(text)} in a thread {now()}")`,
];

const fileDirect: IoOp = ({ rng, tag }) => [
  `with open("${tag}.log", "${rng.pick(['w', 'a'])}") as f:`,
  `    for k in range(${rng.int(1, 3)}):`,
  `        f.write(f"${tag} {k}\\n")`,
  say(tag, 'wrote directly'),
  `with open("${tag}.log") as f:`,
  `    print(f"${tag} lines {f.readlines()!r} {now()}")`,
];

const fileOs: IoOp = ({ rng, tag }) => [
  `os.makedirs("d/${tag}", exist_ok=True)`,
  `write_file("d/${tag}/x", "${tag}")`,
  `print(f"${tag} sees {sorted(os.listdir('d'))} size {os.stat('d/${tag}/x').st_size} {now()}")`,
  ...(rng.chance(0.5)
    ? [`os.remove("d/${tag}/x")`, `os.rmdir("d/${tag}")`, say(tag, 'removed its directory')]
    : [
        `os.rename("d/${tag}/x", "d/${tag}/y")`,
        `print(f"${tag} renamed: {os.listdir('d/${tag}')} {now()}")`,
      ]),
];

const missingFile: IoOp = ({ tag }) => [
  'try:',
  `    await asyncio.to_thread(read_file, "${tag}.missing")`,
  'except FileNotFoundError as error:',
  `    print(f"${tag} no file: {error.errno == errno.ENOENT} {now()}")`,
];

const sleep: IoOp = ({ rng, tag }) => [
  `await asyncio.sleep(${rng.pick([0, 0.1, 0.25, 1.0])})`,
  say(tag, 'slept'),
];

const blockLoop: IoOp = ({ rng, tag }) => [
  `time.sleep(${rng.pick([0.01, 0.1, 0.3])})`,
  say(tag, 'blocked the loop'),
];

/** Jobs into a pool of few workers at once: the later ones wait for a free worker. */
const crowdedPool: IoOp = ({ rng, tag }) => [
  `with ThreadPoolExecutor(max_workers=${rng.int(1, 3)}, thread_name_prefix="${tag}") as own:`,
  ...indent([
    `futures = [loop.run_in_executor(own, job, f"${tag}/{k}", ${rng.pick(JOB_SECONDS)}) for k in range(${rng.int(2, 5)})]`,
    `print(f"${tag} crowd gave {await asyncio.gather(*futures)!r} {now()}")`,
  ]),
  say(tag, 'left its pool'),
];

/** [op, weight, also natively] (see NET_OPS). */
export const WORK_OPS: [IoOp, number, boolean][] = [
  [toThread, 3, true],
  [inExecutor, 3, true],
  [gatheredJobs, 2, true],
  [failingJob, 1, true],
  [threadJoin, 1, true],
  [remoteInThread, 1, false],
  [fileThroughThread, 2, true],
  [fileDirect, 2, true],
  [fileOs, 1, true],
  [missingFile, 1, true],
  [sleep, 3, true],
  [blockLoop, 1, true],
  [crowdedPool, 1, true],
];
