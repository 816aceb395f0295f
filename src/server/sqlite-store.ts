// The default store: one SQLite file (better-sqlite3 12; 13 needs Node 22). Synchronous writes in a
// transaction with synchronous=FULL, so a bounce the API says it stored survives a stop or a crash.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Clock, ExplainReport } from '../types.js';
import type {
  BounceListItem,
  BounceQuery,
  CategoryCount,
  NewBounce,
  Store,
  StoredBounce,
  Suppression,
} from './store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bounces (
  id INTEGER PRIMARY KEY,
  received_at TEXT NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  format TEXT NOT NULL,
  report TEXT NOT NULL,
  input_sha256 TEXT
);
CREATE TABLE IF NOT EXISTS results (
  id INTEGER PRIMARY KEY,
  bounce_id INTEGER NOT NULL REFERENCES bounces(id),
  recipient TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT NOT NULL,
  category TEXT NOT NULL,
  bounce_type TEXT NOT NULL,
  party TEXT NOT NULL,
  summary TEXT NOT NULL,
  feedback_type TEXT
);
CREATE INDEX IF NOT EXISTS results_bounce ON results(bounce_id);
CREATE INDEX IF NOT EXISTS results_recipient ON results(recipient);
`;

/** The reasons of results that are no failure (an SQL list of literals: constants, no user text). */
const QUIET_REASONS = ['delivered', 'vacation'].map((r) => `'${r}'`).join(', ');

/**
 * Opens (or creates) the store in a file. A missing parent directory is created, and `log` gets one
 * line saying so: a mistyped --db path shows at once.
 */
export function openSqliteStore(
  file: string,
  clock: Clock = () => new Date(),
  log: (line: string) => void = () => {},
): Store {
  if (file !== ':memory:') {
    const dir = path.dirname(path.resolve(file));
    if (mkdirSync(dir, { recursive: true }) !== undefined)
      log(`created the directory ${dir} for the database`);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  // files written before inputs had a digest: the column is added, their bounces have none (NULL)
  const columns = db.prepare('PRAGMA table_info(bounces)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'input_sha256'))
    db.exec('ALTER TABLE bounces ADD COLUMN input_sha256 TEXT');
  db.exec('CREATE UNIQUE INDEX IF NOT EXISTS bounces_input ON bounces(input_sha256)');

  const insertBounce = db.prepare(
    'INSERT INTO bounces (received_at, source, kind, format, report, input_sha256) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const findInput = db.prepare('SELECT id FROM bounces WHERE input_sha256 = ?').pluck();
  const storedId = (sha256: string | undefined): number | undefined => {
    const id = sha256 ? findInput.get(sha256) : undefined;
    return typeof id === 'number' ? id : undefined;
  };
  const insertResult = db.prepare(
    `INSERT INTO results (bounce_id, recipient, status, reason, category, bounce_type, party, summary, feedback_type)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addAll = db.transaction((items: NewBounce[]): number[] => {
    const at = clock().toISOString();
    return items.map(({ source, report, inputSha256 }) => {
      const existing = storedId(inputSha256);
      if (existing !== undefined) return existing;
      const info = insertBounce.run(
        at,
        source,
        report.kind,
        report.format,
        JSON.stringify(report),
        inputSha256 ?? null,
      );
      const id = Number(info.lastInsertRowid);
      for (const r of report.results) {
        insertResult.run(
          id,
          r.recipient.toLowerCase(),
          r.status,
          r.reason,
          r.category,
          r.bounceType,
          r.party,
          r.advice.summary,
          r.feedbackType ?? null,
        );
      }
      return id;
    });
  });

  return {
    add: (items) => addAll(items),
    findInput: storedId,
    get(id) {
      const row = db.prepare('SELECT * FROM bounces WHERE id = ?').get(id) as BounceRow | undefined;
      if (!row) return undefined;
      const stored: StoredBounce = {
        id: row.id,
        receivedAt: row.received_at,
        source: row.source,
        report: JSON.parse(row.report) as ExplainReport,
      };
      if (row.input_sha256) stored.inputSha256 = row.input_sha256;
      return stored;
    },
    list(query: BounceQuery) {
      // Results that need no attention are not listed or counted: a recipient the report says was
      // delivered (RFC 3464 Action: delivered, relayed, expanded; an ESP's delivered event) and an
      // automatic reply. Their reports stay stored (get()).
      const where: string[] = [`r.reason NOT IN (${QUIET_REASONS})`];
      const params: (string | number)[] = [];
      if (query.category) {
        where.push('r.category = ?');
        params.push(query.category);
      }
      if (query.bounceType) {
        where.push('r.bounce_type = ?');
        params.push(query.bounceType);
      }
      if (query.recipient) {
        // instr, not LIKE: the user's text is matched literally (no % or _ wildcards)
        where.push('instr(r.recipient, ?) > 0');
        params.push(query.recipient.toLowerCase());
      }
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const from = `FROM results r JOIN bounces b ON b.id = r.bounce_id ${clause}`;
      const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(...params) as { n: number }).n;
      const rows = db
        .prepare(
          `SELECT r.id, r.bounce_id, b.received_at, b.source, b.kind, r.recipient, r.status, r.reason,
                  r.category, r.bounce_type, r.party, r.summary
           ${from} ORDER BY b.id DESC, r.id ASC LIMIT ? OFFSET ?`,
        )
        .all(...params, query.limit, query.offset) as ResultRow[];
      const counts = db
        .prepare(
          `SELECT category, bounce_type AS bounceType, count(*) AS count FROM results
           WHERE reason NOT IN (${QUIET_REASONS}) GROUP BY category, bounce_type ORDER BY count DESC`,
        )
        .all() as CategoryCount[];
      return { total, items: rows.map(toItem), counts };
    },
    suppressions() {
      // Hard bounces (dead addresses) and complaints (RFC 5965 abuse reports and opt-out requests:
      // the person asked not to get mail; classify makes those, and only those feedback types,
      // hard). Blocks, soft bounces and other feedback reports (not-spam, virus, fraud,
      // auth-failure) are not here: the address itself is fine.
      const rows = db
        .prepare(
          `SELECT r.recipient AS address,
                  CASE WHEN r.reason <> 'feedback' THEN r.reason
                       WHEN r.feedback_type = 'opt-out' THEN 'opt-out' ELSE 'complaint' END AS reason,
                  r.status AS status, min(b.received_at) AS firstSeen, max(b.received_at) AS lastSeen,
                  max(b.id) AS bounceId
           FROM results r JOIN bounces b ON b.id = r.bounce_id
           WHERE r.recipient <> '' AND r.bounce_type = 'hard'
           GROUP BY r.recipient ORDER BY r.recipient`,
        )
        .all() as Suppression[];
      return rows;
    },
    close: () => db.close(),
  };
}

interface BounceRow {
  id: number;
  received_at: string;
  source: string;
  report: string;
  input_sha256: string | null;
}

interface ResultRow {
  id: number;
  bounce_id: number;
  received_at: string;
  source: string;
  kind: string;
  recipient: string;
  status: string;
  reason: string;
  category: BounceListItem['category'];
  bounce_type: BounceListItem['bounceType'];
  party: string;
  summary: string;
}

function toItem(r: ResultRow): BounceListItem {
  return {
    id: r.id,
    bounceId: r.bounce_id,
    receivedAt: r.received_at,
    source: r.source,
    kind: r.kind,
    recipient: r.recipient,
    status: r.status,
    reason: r.reason,
    category: r.category,
    bounceType: r.bounce_type,
    party: r.party,
    summary: r.summary,
  };
}
