// The SQLite store: what add() returned is on disk (a second connection sees it after close), and
// the suppression list holds hard bounces and complaints only.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../src/server/sqlite-store.js';
import type { ExplainReport, RecipientResult } from '../../src/types.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function result(
  recipient: string,
  bounceType: RecipientResult['bounceType'],
  reason: RecipientResult['reason'],
) {
  return {
    recipient,
    status: bounceType === 'hard' ? '5.1.1' : '5.7.1',
    replyCode: '550',
    reason,
    category: bounceType === 'hard' ? 'recipient-address' : 'sender-blocked',
    bounceType,
    party: bounceType === 'hard' ? 'recipient' : 'sender',
    hardbounce: bounceType === 'hard',
    advice: { summary: 's', steps: [], stepTopics: [], retry: { advised: false, when: '' }, stage: 'final' },
  } satisfies RecipientResult;
}

describe('sqlite store', () => {
  it('keeps what it stored across a close and reopen', () => {
    const file = path.join(dir, 'a', 'bouncedoc.db');
    const store = openSqliteStore(file, () => new Date('2026-12-01T00:00:00Z'));
    const report: ExplainReport = {
      kind: 'bounce',
      format: 'rfc3464',
      results: [
        result('Gone@Example.com', 'hard', 'userunknown'),
        result('ok@example.org', 'block', 'blocked'),
      ],
    };
    const feedback: ExplainReport = {
      kind: 'feedback',
      format: 'arf',
      results: [{ ...result('angry@example.net', 'hard', 'feedback'), feedbackType: 'abuse' }],
    };
    // a not-spam report (RFC 6430) is no complaint: classify makes it soft, and it suppresses no one
    const notSpam: ExplainReport = {
      kind: 'feedback',
      format: 'arf',
      results: [{ ...result('happy@example.net', 'soft', 'feedback'), feedbackType: 'not-spam' }],
    };
    const optOut: ExplainReport = {
      kind: 'feedback',
      format: 'unsubscribe',
      results: [{ ...result('leaving@example.net', 'hard', 'feedback'), feedbackType: 'opt-out' }],
    };
    const ids = store.add([
      { source: 'one.eml', report },
      { source: 'two.eml', report: feedback },
      { source: 'three.eml', report: notSpam },
      { source: 'four.eml', report: optOut },
    ]);
    assert.equal(ids.length, 4);
    store.close();

    const again = openSqliteStore(file);
    assert.equal(again.get(ids[0])?.source, 'one.eml');
    assert.equal(again.list({ limit: 10, offset: 0 }).total, 5);
    const sup = again.suppressions();
    assert.deepEqual(
      sup.map((s) => [s.address, s.reason]),
      [
        ['angry@example.net', 'complaint'],
        ['gone@example.com', 'userunknown'],
        ['leaving@example.net', 'opt-out'],
      ],
    );
    // a delivered recipient needs no attention: not listed, not counted (its report stays stored)
    const [delivered] = again.add([
      {
        source: 'five.eml',
        report: {
          kind: 'bounce',
          format: 'rfc3464',
          results: [{ ...result('fine@example.org', 'soft', 'delivered') }],
        },
      },
    ]);
    assert.equal(again.list({ limit: 10, offset: 0 }).total, 5);
    const counted = again.list({ limit: 10, offset: 0 }).counts.reduce((n, k) => n + k.count, 0);
    assert.equal(counted, 5);
    assert.equal(again.get(delivered)?.source, 'five.eml');
    // a recipient filter is literal text, not a LIKE pattern
    assert.equal(again.list({ recipient: '%', limit: 10, offset: 0 }).total, 0);
    again.close();
  });

  it('says in one line when it created the directory of the file, and only then', () => {
    const file = path.join(dir, 'new', 'deeper', 'bouncedoc.db');
    const lines: string[] = [];
    openSqliteStore(file, undefined, (line) => lines.push(line)).close();
    assert.deepEqual(lines, [`created the directory ${path.join(dir, 'new', 'deeper')} for the database`]);
    openSqliteStore(file, undefined, (line) => lines.push(line)).close();
    assert.equal(lines.length, 1);
  });

  it('a file written before inputs had a digest: the column is added, old bounces stay, new ones are stored once', () => {
    const file = path.join(dir, 'old.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE bounces (id INTEGER PRIMARY KEY, received_at TEXT NOT NULL, source TEXT NOT NULL,
      kind TEXT NOT NULL, format TEXT NOT NULL, report TEXT NOT NULL)`);
    const report: ExplainReport = { kind: 'bounce', format: 'rfc3464', results: [] };
    old
      .prepare('INSERT INTO bounces (received_at, source, kind, format, report) VALUES (?, ?, ?, ?, ?)')
      .run('2026-01-01T00:00:00.000Z', 'old.eml', 'bounce', 'rfc3464', JSON.stringify(report));
    old.close();

    const store = openSqliteStore(file);
    assert.deepEqual(store.get(1), {
      id: 1,
      receivedAt: '2026-01-01T00:00:00.000Z',
      source: 'old.eml',
      report,
    });
    const digest = 'ab'.repeat(32);
    const [a, b] = store.add([
      { source: 'x', report, inputSha256: digest },
      { source: 'y', report, inputSha256: digest },
    ]);
    assert.equal(a, 2);
    assert.equal(b, 2);
    assert.equal(store.findInput(digest), 2);
    assert.equal(store.get(2)?.inputSha256, digest);
    // without a digest, every add is a new bounce, as before
    assert.deepEqual(store.add([{ source: 'z', report }]), [3]);
    store.close();
    const check = new Database(file);
    const columns = check.prepare('PRAGMA table_info(bounces)').all() as { name: string }[];
    check.close();
    assert.ok(columns.some((c) => c.name === 'input_sha256'));
  });
});
