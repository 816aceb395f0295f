// `npx tsx bench/stages.ts [--passes N] [--steps]`: where explain()'s time goes over the Sisimai
// corpus, per stage (read, extract, classify+advise), or with --steps also per format extractor
// inside extract. Each pass reads every message again, so the per-message caches start cold as
// they do in explain().
// Prints CPU microseconds per message (each reading costs about a microsecond itself, so small
// figures are rough); a tool for finding slow extractors, not a test.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { explain, reportFromExtraction } from '../src/explain.js';
import { extractArf } from '../src/extract/arf.js';
import { extractAutoreply } from '../src/extract/autoreply.js';
import { formats } from '../src/extract/formats/registry.js';
import { extract } from '../src/extract/index.js';
import { extractPlainNotice } from '../src/extract/plain-notice.js';
import { extractRfc3464 } from '../src/extract/rfc3464.js';
import { extractUnsubscribe } from '../src/extract/unsubscribe.js';
import { readInput } from '../src/read/index.js';
import type { Extraction, MailMessage } from '../src/types.js';
import { corpusFiles } from './corpus-files.js';

const { values } = parseArgs({
  options: { passes: { type: 'string', default: '5' }, steps: { type: 'boolean', default: false } },
});
const passes = Math.max(1, Number(values.passes));

const files = await corpusFiles();
const mails = await Promise.all(files.map((f) => readFile(f)));

type Step = { name: string; run: (m: MailMessage) => Extraction | null; hint?: (m: MailMessage) => boolean };
const generic: Step[] = [
  { name: 'generic:rfc3464', run: extractRfc3464 },
  { name: 'generic:arf', run: extractArf },
  { name: 'generic:unsubscribe', run: extractUnsubscribe },
  { name: 'generic:autoreply', run: extractAutoreply },
  { name: 'generic:plain-notice', run: extractPlainNotice },
];
const spent = new Map<string, number>();
const add = (name: string, ns: number) => spent.set(name, (spent.get(name) ?? 0) + ns);
// CPU time of this thread (getrusage), not wall time: the machine may be shared, and a wall clock
// then charges other processes' time to whatever step was running.
const now = () => {
  const u = process.cpuUsage();
  return BigInt(u.user + u.system) * 1000n;
};

/** extract() as src/extract/index.ts runs it, with each step timed. */
function timedExtract(msg: MailMessage): Extraction {
  const hinted: Step[] = [];
  const rest: Step[] = [];
  let t = now();
  for (const f of formats) {
    t = now();
    const yes = f.hint(msg);
    add(`hint:${f.name}`, Number(now() - t));
    (yes ? hinted : rest).push({ name: f.name, run: (m) => f.extract(m) });
  }
  for (const f of [...hinted, ...rest, ...generic]) {
    t = now();
    let ex: Extraction | null = null;
    try {
      ex = f.run(msg);
    } catch {
      ex = null;
    }
    add(f.name, Number(now() - t));
    if (ex && ex.recipients.length > 0) return ex;
  }
  return { kind: 'not-bounce', format: 'none', recipients: [] };
}

/** CPU seconds of `passes` passes over the corpus running `fn` on each message (after one warm-up pass). */
async function cpuOf(fn: (bytes: Uint8Array) => Promise<unknown>): Promise<number> {
  for (const bytes of mails) await fn(bytes);
  const t = now();
  for (let p = 0; p < passes; p++) for (const bytes of mails) await fn(bytes);
  return Number(now() - t) / 1e9;
}

if (!values.steps) {
  // Each stage's cost as the difference of whole runs, so no per-step clock reading is counted.
  const read = await cpuOf((b) => readInput(b));
  const extracted = await cpuOf(async (b) => {
    const r = await readInput(b);
    return r.type === 'message' ? extract(r.message) : r;
  });
  const explained = await cpuOf((b) => explain(b).catch(() => undefined));
  const us = (sec: number) => `${((1e6 * sec) / (passes * mails.length)).toFixed(0).padStart(6)} us`;
  console.log(`${us(read)}  read`);
  console.log(`${us(extracted - read)}  extract`);
  console.log(`${us(explained - extracted)}  classify+advise (and the explain wrapper)`);
  console.log(
    `${us(explained)}  explain in all (${((mails.length * passes) / explained).toFixed(0)} messages/s by CPU time)`,
  );
  process.exit(0);
}

let n = 0;
for (let p = 0; p <= passes; p++) {
  if (p === 1) spent.clear(); // pass 0 warms up
  for (const bytes of mails) {
    let t = now();
    const read = await readInput(bytes);
    add('stage:read', Number(now() - t));
    if (read.type !== 'message') continue;
    t = now();
    const ex = timedExtract(read.message);
    add('stage:extract', Number(now() - t));
    t = now();
    reportFromExtraction(ex);
    add('stage:classify+advise', Number(now() - t));
    if (p > 0) n++;
  }
}
const rows = [...spent].sort((a, b) => b[1] - a[1]);
for (const [name, ns] of rows) console.log(`${(ns / 1000 / n).toFixed(1).padStart(8)} us  ${name}`);
