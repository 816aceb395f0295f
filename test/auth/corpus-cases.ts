// The hand-written cases of ../shared/corpus/cases (expected.json and the input files beside it),
// read from ../shared and never copied: shared by the auth tests (SPF, DMARC, message headers) and
// the domain-check tests (test/check). Each suite states the `expected` fields it reads.
import { readFileSync } from 'node:fs';

export interface CorpusCase<E> {
  id: string;
  kind: string;
  /** the input, relative to the cases folder */
  file: string;
  expected: E;
}

const casesDir = new URL('../../../shared/corpus/cases/', import.meta.url);

/** The cases of one kind ("dns-records", "message-headers"...), optionally narrowed further. */
export function corpusCases<E>(
  kind: string,
  keep: (c: CorpusCase<E>) => boolean = () => true,
): CorpusCase<E>[] {
  const all = JSON.parse(readFileSync(new URL('expected.json', casesDir), 'utf8')) as CorpusCase<E>[];
  return all.filter((c) => c.kind === kind && keep(c));
}

/** A case's input file as bytes. */
export function caseInput(c: CorpusCase<unknown>): Buffer {
  return readFileSync(new URL(c.file, casesDir));
}

/** A case's input file as text (zone files). */
export function caseText(c: CorpusCase<unknown>): string {
  return caseInput(c).toString('utf8');
}
