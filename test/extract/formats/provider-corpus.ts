// Shared by the provider format tests: reads a raw message with the real MIME reader, and checks a
// Sisimai corpus module's samples (../shared/corpus/sisimai) through explain().
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { explain } from '../../../src/explain.js';
import { readInput } from '../../../src/read/index.js';
import type { MailMessage } from '../../../src/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'sisimai');

interface Expected {
  recipient?: string;
  status: string;
  replycode: string;
  reason: string;
}

interface CorpusRecord {
  file: string;
  module: string;
  expected: Expected[];
}

/** A raw message (LF line ends) read by the project's MIME reader. */
export async function message(raw: string): Promise<MailMessage> {
  const r = await readInput(raw);
  assert.equal(r.type, 'message');
  return (r as { type: 'message'; message: MailMessage }).message;
}

/** The corpus records of one Sisimai module. */
export function corpusRecords(module: string): CorpusRecord[] {
  const all = JSON.parse(readFileSync(path.join(corpusDir, 'expected.json'), 'utf8')) as {
    records: CorpusRecord[];
  };
  return all.records.filter((r) => r.module === module);
}

/**
 * Every sample of the module: the extractor's format answers (when `formats` is given), with the expected recipients, and the
 * stated status and reply code (pseudo codes X.0.9xx are the classifier's, not the extractor's).
 */
export async function checkCorpusModule(module: string, formats: string[] | null): Promise<number> {
  const records = corpusRecords(module);
  assert.ok(records.length > 0, `no corpus samples for ${module}`);
  for (const rec of records) {
    const report = await explain(readFileSync(path.join(corpusDir, rec.file)));
    if (formats) assert.ok(formats.includes(report.format), `${rec.file}: format ${report.format}`);
    const got = new Set(report.results.map((r) => r.recipient.toLowerCase()));
    for (const e of rec.expected) {
      if (e.recipient) assert.ok(got.has(e.recipient.toLowerCase()), `${rec.file}: ${e.recipient} missing`);
      const result = report.results.find(
        (r) => !e.recipient || r.recipient.toLowerCase() === e.recipient.toLowerCase(),
      );
      assert.ok(result, `${rec.file}: no result`);
      if (!/^\d\.0\.9\d\d$/.test(e.status)) assert.equal(result.status, e.status, `${rec.file}: status`);
      if (e.replycode) assert.equal(result.replyCode, e.replycode, `${rec.file}: reply code`);
    }
  }
  return records.length;
}
