// Data tables for the SPF linter.

/**
 * Misspelled mechanism names seen in published records -> the mechanism meant. Sources: the
 * cases in ../shared/corpus/cases (C25 "ipv4:"), checkdmarc's test vectors, and common typos.
 */
export const MECHANISM_TYPOS: Record<string, string> = {
  ipv4: 'ip4',
  ipv6: 'ip6',
  'ip-4': 'ip4',
  'ip-6': 'ip6',
  ipv: 'ip4',
  inlcude: 'include',
  incude: 'include',
  inclue: 'include',
  includes: 'include',
  inclde: 'include',
  exist: 'exists',
  mx4: 'mx',
};

/**
 * Characters that word processors and web pages substitute for ASCII ones, and what was meant.
 * Unicode code points per the Unicode character database.
 */
export const LOOKALIKES: Record<
  string,
  { meant: string; code: 'spf.smart-quote' | 'spf.dash-lookalike' | 'spf.unicode-space'; name: string }
> = {
  '\u201c': { meant: '', code: 'spf.smart-quote', name: 'LEFT DOUBLE QUOTATION MARK' },
  '\u201d': { meant: '', code: 'spf.smart-quote', name: 'RIGHT DOUBLE QUOTATION MARK' },
  '\u201e': { meant: '', code: 'spf.smart-quote', name: 'DOUBLE LOW-9 QUOTATION MARK' },
  '\u2018': { meant: '', code: 'spf.smart-quote', name: 'LEFT SINGLE QUOTATION MARK' },
  '\u2019': { meant: '', code: 'spf.smart-quote', name: 'RIGHT SINGLE QUOTATION MARK' },
  '\u00ab': { meant: '', code: 'spf.smart-quote', name: 'LEFT-POINTING DOUBLE ANGLE QUOTATION MARK' },
  '\u00bb': { meant: '', code: 'spf.smart-quote', name: 'RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK' },
  '\u2013': { meant: '-', code: 'spf.dash-lookalike', name: 'EN DASH' },
  '\u2014': { meant: '-', code: 'spf.dash-lookalike', name: 'EM DASH' },
  '\u2212': { meant: '-', code: 'spf.dash-lookalike', name: 'MINUS SIGN' },
  '\u2010': { meant: '-', code: 'spf.dash-lookalike', name: 'HYPHEN' },
  '\u2011': { meant: '-', code: 'spf.dash-lookalike', name: 'NON-BREAKING HYPHEN' },
  '\u00a0': { meant: ' ', code: 'spf.unicode-space', name: 'NO-BREAK SPACE' },
  '\u2002': { meant: ' ', code: 'spf.unicode-space', name: 'EN SPACE' },
  '\u2003': { meant: ' ', code: 'spf.unicode-space', name: 'EM SPACE' },
  '\u2009': { meant: ' ', code: 'spf.unicode-space', name: 'THIN SPACE' },
  '\u202f': { meant: ' ', code: 'spf.unicode-space', name: 'NARROW NO-BREAK SPACE' },
  '\u3000': { meant: ' ', code: 'spf.unicode-space', name: 'IDEOGRAPHIC SPACE' },
  '\u200b': { meant: '', code: 'spf.unicode-space', name: 'ZERO WIDTH SPACE' },
  '\ufeff': { meant: '', code: 'spf.unicode-space', name: 'ZERO WIDTH NO-BREAK SPACE (BOM)' },
};

/** Quote characters that may wrap a pasted record (straight or typographic). */
export const QUOTE_CHARS = '"\'\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb`';
