// `npm run bench [-- --passes N]`: parses every Sisimai corpus sample repeatedly in one process and
// prints messages per second, the read stage's share of the time and peak memory. When Debian's
// libsisimai-perl is installed (`perl -MSisimai -e1` works), Sisimai is timed on the same files with
// the same number of passes and the ratio is printed. A benchmark that prints figures, not a test.
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { explain } from '../src/explain.js';
import { readInput } from '../src/read/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, '..', '..', 'shared', 'corpus', 'sisimai', 'maildir');
const { values } = parseArgs({ options: { passes: { type: 'string', default: '10' } } });
const passes = Math.max(1, Number(values.passes));

const files: string[] = [];
for (const sub of ['bsd', 'not']) {
  for (const name of (await readdir(path.join(corpus, sub))).sort()) {
    if (name.endsWith('.eml')) files.push(path.join(corpus, sub, name));
  }
}
const mails = await Promise.all(files.map((f) => readFile(f)));
const bytes = mails.reduce((n, m) => n + m.length, 0);

let peakHeap = 0;
async function timed(fn: (m: Uint8Array) => Promise<unknown>): Promise<number> {
  for (const m of mails) await fn(m); // warm-up
  const start = performance.now();
  for (let p = 0; p < passes; p++) {
    for (const m of mails) await fn(m);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  return (performance.now() - start) / 1000;
}

const total = await timed((m) => explain(m).catch(() => undefined));
const readOnly = await timed((m) => readInput(m).catch(() => undefined));
const n = mails.length * passes;
const rate = n / total;
const mb = (x: number) => (x / 1024 / 1024).toFixed(0);

console.log(`corpus: ${mails.length} messages, ${(bytes / 1024).toFixed(0)} KB; ${passes} passes`);
console.log(`bouncedoc: ${rate.toFixed(0)} messages/s (${((1000 * total) / n).toFixed(3)} ms per message)`);
console.log(`read stage (MIME via postal-mime): ${((100 * readOnly) / total).toFixed(0)}% of the time`);
console.log(`peak memory: rss ${mb(process.resourceUsage().maxRSS * 1024)} MB, heap ${mb(peakHeap)} MB`);

const probe = spawnSync('perl', ['-MSisimai', '-e1']);
if (probe.status !== 0) {
  console.log('Sisimai: not installed (apt-get install -y libsisimai-perl) — no ratio');
} else {
  const run = spawnSync('perl', [path.join(here, 'sisimai.pl'), String(passes), ...files], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    const s = JSON.parse(line) as { messages: number; seconds: number; version: string };
    const sRate = s.messages / s.seconds;
    console.log(`Sisimai ${s.version} (Perl): ${sRate.toFixed(0)} messages/s`);
    console.log(`ratio: bouncedoc is ${(rate / sRate).toFixed(2)}x Sisimai`);
  } catch {
    console.log(`Sisimai: run failed: ${(run.stderr || line).split('\n')[0]}`);
  }
}
