// The machinery shared by the stages of the DKIM key-record linter (key.ts): the result types,
// the finding collector that knows whether a corrected record can be proposed, and the tag list
// from which the corrected record is written.
import type { Finding, Severity } from '../../types.js';
import { finding } from '../findings.js';
import type { PublicKeyInfo } from './public-key.js';
import type { Tag, TagList } from './tag-list.js';

export const RFC = 'RFC 6376 §3.6.1';

export interface DkimKeyOptions {
  /**
   * The selector was named by the user (or by a signature), so it is meant to be in use: a
   * revoked key is then an error rather than a note.
   */
  expected?: boolean;
}

/** What the record says, as far as it could be read. */
export interface DkimKey {
  version?: string;
  /** k=, or "rsa" when absent */
  keyType: string;
  hashes?: string[];
  services?: string[];
  flags: string[];
  notes?: string;
  /** p= present and empty: the key is revoked (RFC 6376 §3.6.1) */
  revoked: boolean;
  /** t=y */
  testing: boolean;
  publicKey?: PublicKeyInfo;
}

export interface DkimKeyLint {
  /** the record as published (character-strings joined) */
  record: string;
  key: DkimKey;
  findings: Finding[];
  /** the corrected record, when every error in it could be repaired */
  fixed?: string;
}

export interface AddOptions {
  record: string;
  span?: [number, number];
  fix?: string;
  /** whether the corrected record repairs this fault (default true for errors and warnings) */
  repairable?: boolean;
}

/** Collects findings and whether a corrected record can be proposed. */
export class KeyLint {
  readonly findings: Finding[] = [];
  private readonly repaired: Finding[] = [];
  /** an error that no corrected record can repair (a missing key, a damaged key...) */
  private blocked = false;
  /** a change was made that the corrected record carries */
  changed = false;

  constructor(readonly options: DkimKeyOptions) {}

  add(code: string, severity: Severity, message: string, o: AddOptions): Finding {
    const f = finding(code, severity, message, { record: o.record, span: o.span, fix: o.fix });
    this.findings.push(f);
    if (severity !== 'info') {
      if (o.repairable === false) {
        if (severity === 'error') this.blocked = true;
      } else {
        this.repaired.push(f);
        this.changed = true;
      }
    }
    return f;
  }

  result(record: string, key: DkimKey, rebuilt: string | undefined): DkimKeyLint {
    const out: DkimKeyLint = { record, key, findings: this.findings };
    if (!this.blocked && this.changed && rebuilt !== undefined && rebuilt !== record) {
      out.fixed = rebuilt;
      for (const f of this.repaired) f.fixed = rebuilt;
    }
    return out;
  }
}

/**
 * The tags as they will be written in the corrected record (null: leave the tag out). A tag set
 * that the record did not have goes before p=, where people expect k= and h=.
 */
export class Rebuild extends Map<string, string | null> {
  readonly order: string[] = [];
  override set(name: string, value: string | null): this {
    if (!this.has(name) && this.order !== undefined) {
      const p = this.order.indexOf('p');
      if (p === -1) this.order.push(name);
      else this.order.splice(p, 0, name);
    }
    return super.set(name, value);
  }

  /** Keeps a published tag, in published order. */
  keep(name: string, value: string): void {
    this.order.push(name);
    super.set(name, value);
  }

  /** Writes a tag under another name, in the same place. */
  rename(from: string, to: string): void {
    const value = this.get(from) ?? null;
    this.order[this.order.indexOf(from)] = to;
    this.delete(from);
    super.set(to, value);
  }
}

/** What every tag check of the key linter works on: the record, its tags, and where results go. */
export interface TagContext {
  /** the record as published */
  text: string;
  list: TagList;
  /** the first tag of each name (a case-corrected tag is added under its proper name) */
  byName: Map<string, Tag>;
  /** what the record says, filled in by the checks */
  key: DkimKey;
  lint: KeyLint;
  rebuild: Rebuild;
}
