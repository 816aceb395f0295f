// One benchmark worker (bench/parse.ts): reads the corpus files it is given, warms up, then on
// the "go" message explains every file `passes` times and reports how many it did.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { explain } from '../src/explain.js';

const { files, passes } = workerData as { files: string[]; passes: number };
const mails = await Promise.all(files.map((f) => readFile(f)));
for (const m of mails) await explain(m).catch(() => undefined);
parentPort?.once('message', async () => {
  const cpu0 = process.cpuUsage();
  let n = 0;
  for (let p = 0; p < passes; p++) {
    for (const m of mails) {
      await explain(m).catch(() => undefined);
      n++;
    }
  }
  const cpu = process.cpuUsage(cpu0);
  parentPort?.postMessage({
    messages: n,
    heap: process.memoryUsage().heapUsed,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  });
});
parentPort?.postMessage('ready');
