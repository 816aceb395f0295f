// The DKIM key-record linter: one TXT record at <selector>._domainkey.<domain> (RFC 6376 §3.6.1,
// RFC 8463 for Ed25519, RFC 8301 for key sizes and sha1). Every fault is a finding with its span in
// the record; where the record can be repaired mechanically, the corrected record is `fixed`.
//
// The record is read in stages, each on the text the previous one left: quote characters stored
// in the value, invisible and non-ASCII characters, wrong tag separators, then the tag list and its
// tags. A finding's `record` is the text it was found in, so its span always fits its record.
import { type DkimKey, type DkimKeyLint, type DkimKeyOptions, KeyLint } from './key-lint.js';
import { MAX_KEY_RECORD_LENGTH } from './key-rules.js';
import { lintTags } from './key-tags.js';
import { lintCharacters, lintQuotes, lintSeparators } from './key-text.js';
import { parseTagList } from './tag-list.js';

export type { DkimKey, DkimKeyLint, DkimKeyOptions } from './key-lint.js';

/** Lints one DKIM key record (the TXT character-strings already joined, RFC 6376 §3.6.2.2). */
export function lintDkimKey(record: string, options: DkimKeyOptions = {}): DkimKeyLint {
  const lint = new KeyLint(options);
  const key: DkimKey = { keyType: 'rsa', flags: [], revoked: false, testing: false };
  if (record.length > MAX_KEY_RECORD_LENGTH) {
    lint.add(
      'dkim.record-too-long',
      'error',
      `The record is ${record.length} characters long; no key record is.`,
      {
        record,
        fix: 'Publish only the key record: v=DKIM1; k=rsa; p=<base64 public key>.',
        repairable: false,
      },
    );
    return { record, key, findings: lint.findings };
  }
  let text = record;
  text = lintQuotes(text, lint);
  text = lintCharacters(text, lint);
  text = lintSeparators(text, lint);
  const list = parseTagList(text);
  const rebuilt = lintTags(text, list, key, lint);
  return lint.result(record, key, rebuilt);
}
