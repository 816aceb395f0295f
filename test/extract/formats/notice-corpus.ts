// Runs one format extractor over the Sisimai corpus samples of the given modules and compares the
// raw fields with the expectations (recipient, reply code, and the status where the corpus gives
// a real one rather than one of Sisimai's derived X.0.9NN codes). Shared by the format tests.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readInput } from '../../../src/read/index.js';
import type { Extraction, FormatExtractor } from '../../../src/types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'sisimai');

interface Expected {
  index: number;
  recipient?: string;
  status: string;
  replycode: string;
}

export interface CorpusCheck {
  samples: number;
  recipients: number;
  /** "file #index field: expected -> got" for every disagreement */
  mismatches: string[];
  /** files the extractor returned null (or no recipient) for */
  missed: string[];
  /** the extractions by file name */
  results: Map<string, Extraction | null>;
}

let records: Promise<{ file: string; module: string; expected: Expected[] }[]> | undefined;

function loadRecords() {
  records ??= readFile(path.join(corpusDir, 'expected.json'), 'utf8').then((t) => JSON.parse(t).records);
  return records;
}

/** A derived Sisimai status (X.0.9NN) says nothing about what the notice stated. */
const derived = (status: string) => /^\d\.0\.9\d\d$/.test(status);

export async function checkCorpus(format: FormatExtractor, modules: string[]): Promise<CorpusCheck> {
  const out: CorpusCheck = { samples: 0, recipients: 0, mismatches: [], missed: [], results: new Map() };
  for (const r of await loadRecords()) {
    if (!modules.includes(r.module)) continue;
    const name = path.basename(r.file);
    out.samples++;
    const read = await readInput(await readFile(path.join(corpusDir, r.file)));
    const ex = read.type === 'message' ? format.extract(read.message) : null;
    out.results.set(name, ex);
    if (!ex || ex.recipients.length === 0) {
      out.missed.push(name);
      continue;
    }
    for (const e of r.expected) {
      out.recipients++;
      const got = ex.recipients[e.index - 1];
      const diff = (field: string, want: string, have: string | undefined) => {
        if (want !== (have ?? '')) out.mismatches.push(`${name} #${e.index} ${field}: ${want} -> ${have}`);
      };
      if (e.recipient) diff('recipient', e.recipient, got?.recipient);
      diff('replycode', e.replycode, got?.replyCode);
      if (!derived(e.status)) diff('status', e.status, got?.status);
    }
  }
  return out;
}
