// Every DMARC finding code bouncedoc emits, with the rule that decides it (data, for readers,
// the web page and the report writer). The messages themselves are written where the fault is found.

export interface DmarcCodeInfo {
  /** what the code means, in a few words */
  about: string;
  /** the standard (or practice) behind the rule */
  source: string;
}

export const DMARC_CODES: Readonly<Record<string, DmarcCodeInfo>> = {
  'dmarc.empty': { about: 'empty record', source: 'RFC 9989 Formal Definition' },
  'dmarc.too-long': { about: 'record over the size bouncedoc checks', source: 'bouncedoc input limit' },
  'dmarc.presentation-escapes': { about: 'zone-file/dig escapes in the shown text', source: 'RFC 1035 §5.1' },
  'dmarc.literal-backslash': {
    about: 'backslash stored in the value',
    source: 'RFC 9989 v tag (exact match)',
  },
  'dmarc.quoted': { about: 'quotes stored around the value', source: 'RFC 9989 §4.10 tree walk step 2' },
  'dmarc.smart-quotes': { about: 'typographic quotes', source: 'RFC 9989 dmarc-value (printable ASCII)' },
  'dmarc.invisible-character': { about: 'no-break or zero-width space', source: 'RFC 5234 WSP' },
  'dmarc.leading-whitespace': { about: 'blank before v=DMARC1', source: 'RFC 9989 §4.10 tree walk step 2' },
  'dmarc.html-entity': { about: 'HTML entity copied into the value', source: 'RFC 9989 dmarc-value' },
  'dmarc.mojibake': { about: 'undecodable bytes (U+FFFD)', source: 'RFC 9989 dmarc-value' },
  'dmarc.wrong-record-type': { about: 'SPF/DKIM/... record where DMARC belongs', source: 'RFC 9989 v tag' },
  'dmarc.version-missing': { about: 'no v tag', source: 'RFC 9989 v tag' },
  'dmarc.version-not-first': { about: 'v is not the first tag', source: 'RFC 9989 v tag' },
  'dmarc.version-case': { about: 'v value not exactly "DMARC1"', source: 'RFC 9989 v tag, %s"DMARC1"' },
  'dmarc.version-invalid': { about: 'v value is not DMARC1', source: 'RFC 9989 v tag' },
  'dmarc.separator': { about: 'colon, comma or blank between tags', source: 'RFC 9989 dmarc-sep (";" only)' },
  'dmarc.empty-term': { about: 'two semicolons in a row', source: 'RFC 9989 Formal Definition' },
  'dmarc.tag-case': { about: 'upper-case tag name (valid)', source: 'RFC 5234 §2.3 (case-insensitive)' },
  'dmarc.value-case': { about: 'upper-case value (valid)', source: 'RFC 5234 §2.3 (case-insensitive)' },
  'dmarc.blanks-around-equals': { about: 'blanks around "=" (valid)', source: 'RFC 9989 "equals" rule' },
  'dmarc.duplicate-tag': { about: 'a tag given twice', source: 'RFC 6376 §3.2 tag-list (RFC 7489 §6.3)' },
  'dmarc.tag-equals': { about: '":" or "-" or nothing where "=" belongs', source: 'RFC 9989 dmarc-tag' },
  'dmarc.tag-no-value': { about: 'tag name without "=value"', source: 'RFC 9989 dmarc-tag' },
  'dmarc.stray-text': { about: 'text that is not a tag', source: 'RFC 9989 §4.7 (syntax errors ignored)' },
  'dmarc.stray-period': { about: 'a stray period', source: 'RFC 9989 dmarc-request' },
  'dmarc.trailing-garbage': { about: 'extra text after a valid value', source: 'RFC 9989 Formal Definition' },
  'dmarc.unknown-tag': { about: 'not a DMARC tag', source: 'RFC 9989 §4.7 (unknown tags MUST be ignored)' },
  'dmarc.invalid-value': {
    about: "value outside the tag's grammar",
    source: 'RFC 9989 Formal Definition, §4.10.1',
  },
  'dmarc.fo-redundant': { about: 'fo option repeated or covered by 1', source: 'RFC 9989 fo tag' },
  'dmarc.fo-without-ruf': { about: 'fo has no effect without ruf', source: 'RFC 9989 fo tag' },
  'dmarc.removed-tag': {
    about: 'pct, rf or ri (removed, still read by RFC 7489 receivers)',
    source: 'RFC 9989 (removed tags)',
  },
  'dmarc.pct-partial': { about: 'pct below 100 (RFC 7489 mode)', source: 'RFC 7489 §6.6.4' },
  'dmarc.tag-not-in-rfc7489': { about: 'np, psd or t in RFC 7489 mode', source: 'RFC 9989, RFC 9091' },
  'dmarc.uri-invalid': {
    about: 'rua/ruf entry that is not a usable mailto: URI',
    source: 'RFC 9989 dmarc-uri, RFC 6068',
  },
  'dmarc.uri-not-mailto': {
    about: 'non-mailto report URI',
    source: 'RFC 9989 rua/ruf (mailto: MUST be supported)',
  },
  'dmarc.uri-size-suffix': {
    about: 'obsolete "!size" suffix',
    source: 'RFC 9989 dmarc-uri ("!" MUST be encoded)',
  },
  'dmarc.uri-too-many': { about: 'more than two report URIs', source: 'RFC 7489 §6.2' },
  'dmarc.p-missing': { about: 'no p tag', source: 'RFC 9989 p tag and §4.10.1; RFC 7489 §6.3' },
  'dmarc.p-not-second': {
    about: 'p is not right after v',
    source: 'RFC 7489 §6.3 (order); RFC 9989 any order',
  },
  'dmarc.p-none': { about: 'monitoring only', source: 'RFC 9989 Monitoring Mode' },
  'dmarc.sp-none': { about: 'subdomains unprotected under an enforcing p', source: 'RFC 9989 sp tag' },
  'dmarc.rua-missing': { about: 'no aggregate reports requested', source: 'RFC 9989 rua tag' },
  'dmarc.test-mode': { about: 't=y', source: 'RFC 9989 t tag' },
  'dmarc.parked-policy': {
    about: 'parked domain without p=reject',
    source: 'practice (M3AAWG parked domains)',
  },
  'dmarc.parked-subdomain-policy': {
    about: 'parked domain with a weaker sp',
    source: 'practice (M3AAWG parked domains)',
  },
  'dmarc.dns-error': {
    about: 'DNS failure: could not check',
    source: 'RFC 9989 policy discovery (transient errors)',
  },
  'dmarc.record-at-apex': {
    about: 'DMARC record at the domain instead of _dmarc',
    source: 'RFC 9989 policy discovery',
  },
  'dmarc.record-ignored': {
    about: 'meant as DMARC, ignored by receivers',
    source: 'RFC 9989 §4.10 tree walk step 2',
  },
  'dmarc.unrelated-txt': {
    about: 'other TXT beside the DMARC record',
    source: 'RFC 9989 §4.10 tree walk step 2',
  },
  'dmarc.multiple-records': {
    about: 'several DMARC records at one name',
    source: 'RFC 9989 §4.10 step 2; RFC 7489 §6.6.3',
  },
  'dmarc.no-record': { about: 'no DMARC record applies', source: 'RFC 9989 policy discovery' },
  'dmarc.inherited': {
    about: 'the record of the organizational/public suffix domain applies',
    source: 'RFC 9989 policy discovery',
  },
  'dmarc.record-unusable': { about: 'no valid p and no valid rua: no DMARC', source: 'RFC 9989 §4.10.1' },
  'dmarc.report-unauthorized': {
    about: 'external report address without authorization record',
    source: 'RFC 9990 (external destinations), RFC 7489 §7.1',
  },
  'dmarc.report-authorization-unchecked': {
    about: 'DNS failure checking an external report address',
    source: 'RFC 7489 §7.1',
  },
  'dmarc.report-no-mx': { about: 'report domain without MX', source: 'RFC 5321 §5.1' },
};
