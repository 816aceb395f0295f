// `npm run bench [-- --passes N] [--warmup N] [--processes N] [--rounds N]`: parses every Sisimai
// corpus sample repeatedly and prints messages per second.
//
// Each timed run is a fresh process that reads the files, warms up (`warmup` passes: V8 compiles
// the hot code in the background for the first few thousand messages), then explains every file
// `passes` times. bouncedoc is timed in 1 process and in N side by side (default: one per core);
// when Debian's libsisimai-perl is installed (`perl -MSisimai -e1` works), Sisimai is timed the same
// way on the same files (Perl compiles nothing at run time: one pass warms it up), in 1 process and
// in N. The runs are interleaved in rounds (bouncedoc, then Sisimai; the next round the other way
// round) and the ratios are taken per round, then their median printed: this machine's speed drifts
// by 10-20% over a minute (a shared virtual machine), and timing the two tools minutes apart would
// put that drift into the ratio. CPU-time figures are printed beside wall-clock ones for the same
// reason. Also printed: the first pass of a fresh process (nothing compiled yet), the read stage's
// cost (the fast reader, and postal-mime for comparison) and peak memory. A benchmark that prints
// figures, not a test. To profile one thread:
// `node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/parse.ts --processes 0 --rounds 0`.
import { type ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { explain } from '../src/explain.js';
import { bytesToText } from '../src/read/bytes.js';
import { fastReader, postalReader } from '../src/read/index.js';
import { corpusFiles } from './corpus-files.js';

const here = path.dirname(fileURLToPath(import.meta.url));
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
    rounds: { type: 'string', default: '3' },
  },
});
const passes = Math.max(1, Number(values.passes));
const warmup = Math.max(1, Number(values.warmup));
const processCount = Math.max(0, Number(values.processes));
const rounds = Math.max(0, Number(values.rounds));

const files = await corpusFiles();
const mails = await Promise.all(files.map((f) => readFile(f)));
const raws = mails.map((m) => bytesToText(m));
const bytes = mails.reduce((n, m) => n + m.length, 0);

/** One timed run of one tool in `n` processes side by side; rates add up over the processes. */
interface Run {
  /** messages per second, wall clock, summed over the processes */
  rate: number;
  /** messages per second of CPU time, summed over the processes */
  cpuRate: number;
  rss: number;
  heap: number;
  version?: string;
}

interface Timing {
  wall: number;
  cpu: number;
}
async function timed(fn: (i: number) => unknown, count: number, warm: number): Promise<Timing> {
  for (let p = 0; p < warm; p++) for (let i = 0; i < mails.length; i++) await fn(i);
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  for (let p = 0; p < count; p++) for (let i = 0; i < mails.length; i++) await fn(i);
  const cpu = process.cpuUsage(cpu0);
  return { wall: (performance.now() - start) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

interface WorkerAnswer {
  messages: number;
  seconds: number;
  heap: number;
  rss: number;
  cpuSeconds: number;
}

/**
 * bouncedoc in `n` fresh processes (bench/worker.ts), each warmed up, then explaining every file
 * `passes` times from one "go". Processes, not worker threads: on this 2-core machine two worker
 * threads in one process reached ~1.3x one thread, two processes ~1.9x (the threads share one V8
 * platform and its GC helpers).
 */
async function bouncedoc(n: number): Promise<Run> {
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
  const answers = (await Promise.all(
    children.map((c) => {
      const done = next(c);
      c.send('go');
      return done;
    }),
  )) as WorkerAnswer[];
  for (const c of children) c.kill();
  return {
    rate: answers.reduce((s, a) => s + a.messages / a.seconds, 0),
    cpuRate: answers.reduce((s, a) => s + a.messages / a.cpuSeconds, 0),
    heap: Math.max(...answers.map((a) => a.heap)),
    rss: Math.max(...answers.map((a) => a.rss)),
  };
}

interface SisimaiAnswer {
  messages: number;
  seconds: number;
  cpuSeconds: number;
  version: string;
}

/** bench/sisimai.pl in `n` processes started together (each prints one JSON line, or an error). */
async function sisimai(n: number): Promise<Run> {
  const one = () =>
    new Promise<SisimaiAnswer>((ok, fail) => {
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
          ok(JSON.parse(line) as SisimaiAnswer);
        } catch {
          fail(new Error((err || line).split('\n')[0]));
        }
      });
    });
  const answers = await Promise.all(Array.from({ length: n }, one));
  return {
    rate: answers.reduce((s, a) => s + a.messages / a.seconds, 0),
    cpuRate: answers.reduce((s, a) => s + a.messages / a.cpuSeconds, 0),
    heap: 0,
    rss: 0,
    version: answers[0].version,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const x = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const us = (seconds: number, count: number) => ((1e6 * seconds) / count).toFixed(0);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const rate = (r: number) => r.toFixed(0);

console.log(
  `corpus: ${mails.length} messages, ${(bytes / 1024).toFixed(0)} KB; every timed run is a fresh process: ${warmup} passes of warm-up, then ${passes} timed; ${rounds} rounds; ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)}`,
);
// the first pass of a fresh process: nothing compiled yet
const cold = await timed((i) => explain(mails[i]).catch(() => undefined), 1, 0);
const coldRate = mails.length / cold.wall;
const fast = await timed((i) => fastReader.read(mails[i], raws[i]), passes, warmup);
const postalPasses = Math.max(1, Math.ceil(passes / 5));
const postal = await timed((i) => postalReader.read(mails[i], raws[i]), postalPasses, 1);
console.log(
  `read stage (CPU time per message): fast reader ${us(fast.cpu, mails.length * passes)} us; postal-mime reader ${us(postal.cpu, mails.length * postalPasses)} us`,
);

const hasSisimai = spawnSync('perl', ['-MSisimai', '-e1']).status === 0;
if (!hasSisimai) console.log('Sisimai: not installed (apt-get install -y libsisimai-perl) — no ratio');
const many = processCount > 1;
const bd1: Run[] = [];
const bdN: Run[] = [];
const s1: Run[] = [];
const sN: Run[] = [];
let sisimaiFailed = '';
let peakRss = 0;
let peakHeap = 0;
for (let round = 1; round <= rounds; round++) {
  const sisimaiFirst = round % 2 === 0;
  const timeSisimai = async () => {
    if (!hasSisimai || sisimaiFailed) return;
    try {
      s1.push(await sisimai(1));
      if (many) sN.push(await sisimai(processCount));
    } catch (err) {
      sisimaiFailed = (err as Error).message;
    }
  };
  const timeBouncedoc = async () => {
    bd1.push(await bouncedoc(1));
    if (many) bdN.push(await bouncedoc(processCount));
  };
  if (sisimaiFirst) await timeSisimai();
  await timeBouncedoc();
  if (!sisimaiFirst) await timeSisimai();
  for (const r of [...bd1, ...bdN]) {
    peakRss = Math.max(peakRss, r.rss);
    peakHeap = Math.max(peakHeap, r.heap);
  }
  const i = round - 1;
  let line = `round ${round}: bouncedoc 1 process ${rate(bd1[i].rate)} msg/s (${rate(bd1[i].cpuRate)} by CPU time)`;
  if (many) line += `, ${processCount} processes ${rate(bdN[i].rate)}`;
  if (s1[i]) {
    line += `; Sisimai 1 process ${rate(s1[i].rate)} (${rate(s1[i].cpuRate)} by CPU time)`;
    if (many && sN[i]) line += `, ${processCount} processes ${rate(sN[i].rate)}`;
    line += `; ratio 1:1 ${x(bd1[i].rate, s1[i].rate)}`;
    if (many) line += `, ${processCount}:1 ${x(bdN[i].rate, s1[i].rate)}`;
  }
  console.log(line);
}
if (sisimaiFailed) console.log(`Sisimai: run failed: ${sisimaiFailed}`);

if (rounds > 0) {
  const per = (a: Run[], b: Run[], key: 'rate' | 'cpuRate') =>
    median(a.slice(0, b.length).map((r, i) => r[key] / b[i][key]));
  console.log(`median of ${rounds} rounds:`);
  const bd1Rate = median(bd1.map((r) => r.rate));
  console.log(
    `  bouncedoc, 1 process: ${rate(bd1Rate)} messages/s wall clock (${us(1, bd1Rate)} us per message), ${rate(median(bd1.map((r) => r.cpuRate)))} by CPU time`,
  );
  if (many)
    console.log(`  bouncedoc, ${processCount} processes: ${rate(median(bdN.map((r) => r.rate)))} messages/s`);
  if (s1.length > 0) {
    const sRate = median(s1.map((r) => r.rate));
    console.log(
      `  Sisimai ${s1[0].version} (Perl), 1 process: ${rate(sRate)} messages/s wall clock, ${rate(median(s1.map((r) => r.cpuRate)))} by CPU time` +
        (many && sN.length > 0 ? `; ${processCount} processes: ${rate(median(sN.map((r) => r.rate)))}` : ''),
    );
    console.log(
      `  ratio, bouncedoc 1 process to Sisimai 1 process: ${per(bd1, s1, 'rate').toFixed(2)}x wall clock, ${per(bd1, s1, 'cpuRate').toFixed(2)}x CPU time`,
    );
    if (many) {
      console.log(
        `  ratio, bouncedoc ${processCount} processes to Sisimai 1 process (this machine's throughput against Sisimai's): ${per(bdN, s1, 'rate').toFixed(2)}x`,
      );
      if (sN.length > 0)
        console.log(
          `  ratio, bouncedoc ${processCount} processes to Sisimai ${processCount} processes: ${per(bdN, sN, 'rate').toFixed(2)}x`,
        );
    }
    console.log(
      `  first pass of a fresh process (nothing compiled yet): ${rate(coldRate)} messages/s, ${x(coldRate, sRate)} Sisimai`,
    );
  } else console.log(`  first pass of a fresh process (nothing compiled yet): ${rate(coldRate)} messages/s`);
} else console.log(`first pass of a fresh process (nothing compiled yet): ${rate(coldRate)} messages/s`);
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
console.log(`peak memory: rss ${mb(peakRss)} MB per process, heap ${mb(peakHeap)} MB`);

// One bounce from the command line, as a person runs it: process start-up, loading, one cold
// explain and its output (JSON, as Sisimai's dump prints). Both sides interleaved, median of the runs.
const bin = path.resolve(here, '..', 'bin', 'bouncedoc.js');
const bundle = path.resolve(here, '..', 'dist', 'cli', 'main.js');
const samples = files.filter((_, i) => i % Math.ceil(files.length / 5) === 0);
const msOf = (cmd: string, args: string[]) => {
  const start = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return r.status === 0 ? performance.now() - start : Number.NaN;
};
if (!existsSync(bundle))
  console.log('one bounce from the command line: not built (npm run build) — not timed');
else {
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const f of samples) {
      ours.push(msOf(process.execPath, [bin, 'explain', '--offline', '--json', f]));
      if (hasSisimai) theirs.push(msOf('perl', ['-MSisimai', '-e', 'print Sisimai->dump($ARGV[0])', f]));
    }
  }
  console.log(
    `one bounce from the command line (${ours.length} runs over ${samples.length} files, median): bouncedoc explain --json ${median(ours).toFixed(0)} ms` +
      (theirs.length ? `; Sisimai->dump ${median(theirs).toFixed(0)} ms` : '') +
      `; node itself (node -e 0) ${median([0, 1, 2].map(() => msOf(process.execPath, ['-e', '0']))).toFixed(0)} ms`,
  );
}
