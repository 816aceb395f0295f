import { readFile } from 'node:fs/promises';
import { readInput } from './src/read/index.js';
const exp = JSON.parse(await readFile('../shared/corpus/sisimai/expected.json', 'utf8'));
const mod = process.argv[2]; const max = Number(process.argv[3] ?? 3000);
for (const r of exp.records) {
  if (r.module.toLowerCase() !== mod.toLowerCase()) continue;
  const bytes = await readFile('../shared/corpus/sisimai/' + r.file);
  const res = await readInput(bytes);
  console.log('=================', r.file, JSON.stringify(r.expected.map((e: any) => [e.recipient, e.status, e.replycode, e.reason])));
  if (res.type !== 'message') { console.log('reply-text'); continue; }
  const m = res.message;
  for (const h of m.headers) if (['from','subject','x-mailer','message-id','content-type','x-failed-recipients','auto-submitted'].includes(h.name)) console.log(`H ${h.name}: ${h.value.slice(0,150)}`);
  console.log('parts:', m.parts.map(p => p.contentType).join(','), 'ds:', !!m.deliveryStatus, 'orig:', !!m.originalMessage);
  console.log(m.text.slice(0, max));
}
