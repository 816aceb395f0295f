// `npx tsx bench/profile.ts [--passes N] [--warmup N] [--out FILE] [--built]`: a CPU profile of
// explain() in its steady state over the Sisimai corpus (the warm-up passes are not profiled),
// written as a .cpuprofile (open it in Chrome's DevTools), with the 40 functions of most self time
// printed. tsx's transform puts each module on few lines, so the lines printed are rough; with
// --built the profile is of the tsc build in dist/ (run `npm run build` first), whose lines match
// the source's closely. A tool for finding where the time goes, not a benchmark: bench/parse.ts is.
import { readFile, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { corpusFiles } from './corpus-files.js';

const { values } = parseArgs({
  options: {
    passes: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '20' },
    out: { type: 'string', default: 'bouncedoc.cpuprofile' },
    built: { type: 'boolean', default: false },
  },
});
type Explain = typeof import('../src/explain.js').explain;
const { explain } = (await import(values.built ? '../dist/src/explain.js' : '../src/explain.js')) as {
  explain: Explain;
};
const files = await corpusFiles();
const mails = await Promise.all(files.map((f) => readFile(f)));
const run = async (passes: number) => {
  for (let p = 0; p < passes; p++) for (const m of mails) await explain(m).catch(() => undefined);
};
await run(Number(values.warmup));
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const start = performance.now();
await run(Number(values.passes));
const ms = performance.now() - start;
const { profile } = await session.post('Profiler.stop');
await writeFile(values.out, JSON.stringify(profile));

// self time per function (name, file:line), from the samples
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
const dt = profile.timeDeltas ?? [];
(profile.samples ?? []).forEach((id, i) => {
  const n = byId.get(id);
  if (!n) return;
  const f = n.callFrame;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const count = mails.length * Number(values.passes);
console.log(
  `${count} messages in ${ms.toFixed(0)} ms: ${((1000 * ms) / count).toFixed(0)} us per message; profile: ${values.out}`,
);
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40))
  console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
