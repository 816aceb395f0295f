// The seed SMTP error texts (../shared/corpus/seed/errors.json), each with the category a correct
// diagnosis gives: read once by the tests that feed them to the API, the CLI and the page.
import { readFileSync } from 'node:fs';

export interface SeedError {
  id: string;
  text: string;
  expect: { category: string | string[] };
}

const seedUrl = new URL('../../../shared/corpus/seed/errors.json', import.meta.url);

export const seedErrors: SeedError[] = (JSON.parse(readFileSync(seedUrl, 'utf8')) as { cases: SeedError[] })
  .cases;

/** The seed case with this id (S01...); a test naming a missing one is itself wrong. */
export function seedError(id: string): SeedError {
  const c = seedErrors.find((x) => x.id === id);
  if (!c) throw new Error(`no seed error case ${id}`);
  return c;
}
