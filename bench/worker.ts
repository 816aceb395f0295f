// One benchmark process (bench/parse.ts forks them): reads the corpus files it is given, warms up
// (`warmup` passes), then on "go" explains every file `passes` times and reports how many it did,
// its wall-clock and CPU time and its memory.
import { readFile } from 'node:fs/promises';
import { explain } from '../src/explain.js';

interface Job {
  files: string[];
  passes: number;
  warmup: number;
}
const send = (m: unknown) => process.send?.(m);

process.once('message', async (job: Job) => {
  const mails = await Promise.all(job.files.map((f) => readFile(f)));
  for (let p = 0; p < job.warmup; p++) for (const m of mails) await explain(m).catch(() => undefined);
  process.once('message', async () => {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    let n = 0;
    for (let p = 0; p < job.passes; p++) {
      for (const m of mails) {
        await explain(m).catch(() => undefined);
        n++;
      }
    }
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpu0);
    send({
      messages: n,
      seconds,
      heap: process.memoryUsage().heapUsed,
      rss: process.resourceUsage().maxRSS * 1024,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    });
  });
  send('ready');
});
