// `npm run corpus [-- --module NAME] [--file PART] [--kind lhost] [--clean] [--diff [--field status]]`:
// agreement with the Sisimai corpus, per field overall and per module; per-sample answers written to
// .corpus-out/sisimai.json (or --out FILE). --clean keeps only unflagged records; --field limits the --diff listing.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FIELDS, rate, repoRoot, runCorpus, type Tally } from './sisimai-corpus.js';

const { values } = parseArgs({
  options: {
    module: { type: 'string' },
    file: { type: 'string' },
    kind: { type: 'string' },
    clean: { type: 'boolean', default: false },
    diff: { type: 'boolean', default: false },
    field: { type: 'string' },
    out: { type: 'string' },
  },
});

const pct = (t: Tally, f: (typeof FIELDS)[number]) =>
  t.checked[f] === 0 ? '   -  ' : `${(100 * rate(t, f)).toFixed(1).padStart(5)}%`;
const row = (name: string, t: Tally) =>
  `${name.padEnd(22)} ${String(t.samples).padStart(4)} ${String(t.recipients).padStart(5)}  ${FIELDS.map((f) => pct(t, f)).join(' ')}  ${String(t.countMatches).padStart(4)}`;
const header = `${'module'.padEnd(22)} ${'smpl'.padStart(4)} ${'rcpts'.padStart(5)}  ${['rcpt', 'status', 'reply', 'reason', 'hard', 'fbtype'].map((h) => h.padStart(6)).join(' ')}  count`;

const started = performance.now();
const run = await runCorpus({
  module: values.module,
  file: values.file,
  kind: values.kind,
  clean: values.clean,
});
const ms = performance.now() - started;

console.log(header);
for (const name of Object.keys(run.byModule).sort((a, b) => a.localeCompare(b)))
  console.log(row(name, run.byModule[name]));
console.log('-'.repeat(header.length));
console.log(row('OVERALL', run.overall));
console.log(
  `not-bounce sample: ${run.notBounceOk ? 'ok' : 'WRONG'}; ${run.samples.length} samples in ${ms.toFixed(0)} ms`,
);
const errors = run.samples.filter((s) => s.error);
for (const s of errors) console.log(`error: ${s.file}: ${s.error}`);

if (values.diff) {
  console.log('\nmismatches (file #index field: expected -> got):');
  for (const s of run.samples) {
    for (const m of s.mismatches.filter((x) => !values.field || x.field === values.field)) {
      console.log(
        `${s.file} #${m.index} ${m.field}: ${JSON.stringify(m.expected)} -> ${JSON.stringify(m.got)}  [${s.reportKind ?? 'error'}/${s.format ?? ''}]`,
      );
    }
  }
}

const outDir = path.join(repoRoot, '.corpus-out');
await mkdir(outDir, { recursive: true });
const outFile = values.out ? path.resolve(values.out) : path.join(outDir, 'sisimai.json');
await writeFile(
  outFile,
  `${JSON.stringify({ overall: run.overall, byModule: run.byModule, samples: run.samples }, null, 1)}\n`,
);
console.log(`per-sample answers: ${path.relative(process.cwd(), outFile)}`);
