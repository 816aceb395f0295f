// `npm run bench [-- --passes N] [--warmup N] [--processes N]`: parses every Sisimai corpus sample
// repeatedly and prints messages per second: the first pass of a fresh process, then, after the warm-up
// passes, one thread (wall clock and CPU time), then N processes side by side
// (default: one per core), the read stage's cost (the fast reader, and postal-mime for comparison) and peak
// memory. When Debian's libsisimai-perl is installed (`perl -MSisimai -e1` works), Sisimai is timed
// on the same files with the same number of passes and the ratios are printed (Perl compiles nothing
// at run time: one pass warms it up); then in as many processes side by side as bouncedoc had, for
// the ratio on the same machine. CPU-time figures
// are printed beside wall-clock ones because a busy machine slows wall clocks of both sides
// unevenly. A benchmark that prints figures, not a test. To profile one thread:
// `node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/parse.ts --processes 0`.
import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { explain } from '../src/explain.js';
import { bytesToText } from '../src/read/bytes.js';
import { fastReader, postalReader } from '../src/read/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, '..', '..', 'shared', 'corpus', 'sisimai', 'maildir');
const { values } = parseArgs({
  options: {
    // 30 passes: V8 keeps optimizing for the first few thousand messages (10 passes measured the
    // two processes ~1.5x lower); a mailbox scan runs in that steady state
    passes: { type: 'string', default: '30' },
    // V8 compiles the hot functions in the background for the first ~20 passes (~9,000 messages;
    // measured here: ~200 us/message in the first 20 passes, ~80 from pass 60 on). A mailbox scan of
    // tens of thousands of bounces runs at the steady rate; the first pass's rate is printed too.
    warmup: { type: 'string', default: '20' },
    processes: { type: 'string', default: String(os.availableParallelism()) },
  },
});
const passes = Math.max(1, Number(values.passes));
const warmup = Math.max(1, Number(values.warmup));
const workerCount = Math.max(0, Number(values.processes));

const files: string[] = [];
for (const sub of ['bsd', 'not']) {
  for (const name of (await readdir(path.join(corpus, sub))).sort()) {
    if (name.endsWith('.eml')) files.push(path.join(corpus, sub, name));
  }
}
const mails = await Promise.all(files.map((f) => readFile(f)));
const raws = mails.map((m) => bytesToText(m));
const bytes = mails.reduce((n, m) => n + m.length, 0);

let peakHeap = 0;
interface Timing {
  wall: number;
  cpu: number;
}
async function timed(fn: (i: number) => unknown, rounds = passes, warm = warmup): Promise<Timing> {
  for (let p = 0; p < warm; p++) for (let i = 0; i < mails.length; i++) await fn(i);
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (let p = 0; p < rounds; p++) {
    for (let i = 0; i < mails.length; i++) await fn(i);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const cpu = process.cpuUsage(cpu0);
  return { wall: (performance.now() - start) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

interface WorkerAnswer {
  messages: number;
  heap: number;
  rss: number;
  cpuSeconds: number;
}

/**
 * N processes, each explaining every file `passes` times; wall time from "go" to the last answer.
 * Processes, not worker threads: on this 2-core machine two worker threads in one process reached
 * ~1.3x one thread, two processes ~1.9x (the threads share one V8 platform and its GC helpers).
 */
async function inProcesses(n: number): Promise<{ rate: number; heap: number; rss: number }> {
  const children = Array.from({ length: n }, () =>
    fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] }),
  );
  const next = (c: ChildProcess) => new Promise<unknown>((ok) => c.once('message', ok));
  await Promise.all(
    children.map((c) => {
      const ready = next(c);
      c.send({ files, passes, warmup });
      return ready;
    }),
  );
  const start = performance.now();
  const answers = (await Promise.all(
    children.map((c) => {
      const done = next(c);
      c.send('go');
      return done;
    }),
  )) as WorkerAnswer[];
  const seconds = (performance.now() - start) / 1000;
  for (const c of children) c.kill();
  const messages = answers.reduce((s, a) => s + a.messages, 0);
  return {
    rate: messages / seconds,
    heap: Math.max(...answers.map((a) => a.heap)),
    rss: Math.max(...answers.map((a) => a.rss)),
  };
}

const n = mails.length * passes;
// the first pass of a fresh process: nothing compiled yet
const cold = await timed((i) => explain(mails[i]).catch(() => undefined), 1, 0);
const total = await timed((i) => explain(mails[i]).catch(() => undefined));
const fast = await timed((i) => fastReader.read(mails[i], raws[i]));
const postal = await timed(
  (i) => postalReader.read(mails[i], raws[i]),
  Math.max(1, Math.ceil(passes / 5)),
  1,
);
const postalN = mails.length * Math.max(1, Math.ceil(passes / 5));
const wallRate = n / total.wall;
const cpuRate = n / total.cpu;
const us = (seconds: number, count: number) => ((1e6 * seconds) / count).toFixed(0);
const mb = (x: number) => (x / 1024 / 1024).toFixed(0);

console.log(
  `corpus: ${mails.length} messages, ${(bytes / 1024).toFixed(0)} KB; ${passes} passes timed after ${warmup} of warm-up; ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)}`,
);
console.log(
  `bouncedoc, first pass in a fresh process: ${(mails.length / cold.wall).toFixed(0)} messages/s wall clock; then ${warmup} passes of warm-up`,
);
console.log(
  `bouncedoc, 1 thread: ${wallRate.toFixed(0)} messages/s wall clock (${us(total.wall, n)} us per message); ${cpuRate.toFixed(0)} messages/s by CPU time`,
);
console.log(
  `read stage (CPU time per message): fast reader ${us(fast.cpu, n)} us (${((100 * fast.cpu) / total.cpu).toFixed(0)}% of the time); postal-mime reader ${us(postal.cpu, postalN)} us`,
);
let workerRate = 0;
if (workerCount > 0) {
  const w = await inProcesses(workerCount);
  workerRate = w.rate;
  peakHeap = Math.max(peakHeap, w.heap);
  console.log(
    `bouncedoc, ${workerCount} processes: ${workerRate.toFixed(0)} messages/s wall clock (peak rss per process ${mb(w.rss)} MB)`,
  );
}
console.log(`peak memory: rss ${mb(process.resourceUsage().maxRSS * 1024)} MB, heap ${mb(peakHeap)} MB`);

interface SisimaiRun {
  messages: number;
  seconds: number;
  cpuSeconds: number;
  version: string;
}

/** bench/sisimai.pl in `n` processes started together; each one's JSON line (or the error). */
async function sisimai(n: number): Promise<SisimaiRun[]> {
  const one = () =>
    new Promise<SisimaiRun>((ok, fail) => {
      const child = spawn('perl', [path.join(here, 'sisimai.pl'), String(passes), ...files]);
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        err += d;
      });
      child.on('close', () => {
        const line = out.trim().split('\n').pop() ?? '';
        try {
          ok(JSON.parse(line) as SisimaiRun);
        } catch {
          fail(new Error((err || line).split('\n')[0]));
        }
      });
    });
  return Promise.all(Array.from({ length: n }, one));
}

const probe = spawnSync('perl', ['-MSisimai', '-e1']);
if (probe.status !== 0) {
  console.log('Sisimai: not installed (apt-get install -y libsisimai-perl) — no ratio');
} else {
  try {
    const [s] = await sisimai(1);
    const sRate = s.messages / s.seconds;
    const sCpuRate = s.messages / s.cpuSeconds;
    console.log(
      `Sisimai ${s.version} (Perl, 1 process): ${sRate.toFixed(0)} messages/s wall clock; ${sCpuRate.toFixed(0)} messages/s by CPU time`,
    );
    const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
    console.log(
      `ratio: bouncedoc 1 thread is ${x(wallRate, sRate)} Sisimai (wall clock), ${x(cpuRate, sCpuRate)} (CPU time)` +
        (workerRate ? `; ${workerCount} processes: ${x(workerRate, sRate)} (wall clock)` : '') +
        `; first pass of a fresh process: ${x(mails.length / cold.wall, sRate)}`,
    );
    if (workerCount > 1) {
      // the same machine given to both: Sisimai in as many processes side by side (their rates add up)
      const runs = await sisimai(workerCount);
      const sTotal = runs.reduce((sum, r) => sum + r.messages / r.seconds, 0);
      console.log(
        `Sisimai, ${workerCount} processes side by side: ${sTotal.toFixed(0)} messages/s wall clock; ` +
          `ratio: bouncedoc ${workerCount} processes is ${x(workerRate, sTotal)} Sisimai ${workerCount} processes`,
      );
    }
  } catch (err) {
    console.log(`Sisimai: run failed: ${(err as Error).message}`);
  }
}
