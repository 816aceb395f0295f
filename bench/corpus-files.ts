// The Sisimai corpus samples every benchmark reads (../shared/corpus/sisimai/maildir: the bounces,
// then the one ordinary message), in a fixed order.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const maildir = path.resolve(here, '..', '..', 'shared', 'corpus', 'sisimai', 'maildir');

export async function corpusFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const sub of ['bsd', 'not']) {
    for (const name of (await readdir(path.join(maildir, sub))).sort()) {
      if (name.endsWith('.eml')) files.push(path.join(maildir, sub, name));
    }
  }
  return files;
}
