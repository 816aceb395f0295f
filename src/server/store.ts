// What the server keeps: explained bounces and the suppression list derived from them. A small
// interface so that another database (Postgres, for teams) can be added beside SQLite.
import type { BounceType, Category, ExplainReport } from '../types.js';

export interface NewBounce {
  /** where it came from: "paste", an uploaded file name, "api" */
  source: string;
  report: ExplainReport;
  /**
   * SHA-256 of the raw input (hex): an input already stored is not stored again, add() gives the
   * stored bounce's id (an ESP posts the same webhook again when it got no answer in time)
   */
  inputSha256?: string;
}

export interface StoredBounce extends NewBounce {
  id: number;
  /** ISO 8601, from the injected clock */
  receivedAt: string;
}

/** One recipient result of a stored bounce, as listed in "needs attention". */
export interface BounceListItem {
  id: number;
  bounceId: number;
  receivedAt: string;
  source: string;
  kind: string;
  recipient: string;
  status: string;
  reason: string;
  category: Category;
  bounceType: BounceType;
  party: string;
  summary: string;
}

export interface BounceQuery {
  category?: string;
  bounceType?: string;
  /** substring of the recipient address */
  recipient?: string;
  limit: number;
  offset: number;
}

export interface Suppression {
  address: string;
  /** hard-bounce reason, or "complaint" (abuse report) or "opt-out" for feedback reports */
  reason: string;
  status: string;
  firstSeen: string;
  lastSeen: string;
  bounceId: number;
}

export interface Store {
  /**
   * Stores the reports; the write is committed before this returns. Returns their ids: the new
   * ones, or for an item whose inputSha256 is stored already, the id it was stored under.
   */
  add(items: NewBounce[]): number[];
  /** The id of the bounce stored from the input of this SHA-256 (hex), if any. */
  findInput(sha256: string): number | undefined;
  get(id: number): StoredBounce | undefined;
  /** The results that need attention (no delivered recipient, no auto-reply), newest first, and their counts. */
  list(query: BounceQuery): { total: number; items: BounceListItem[]; counts: CategoryCount[] };
  suppressions(): Suppression[];
  close(): void;
}

export interface CategoryCount {
  category: string;
  bounceType: string;
  count: number;
}
