// Issue 5 end to end: `bouncedoc explain BOUNCE --dns 127.0.0.1:PORT --json` against a real
// authoritative DNS server (Knot) on loopback. A DMARC bounce (seed text S21, wrapped as a DSN with
// its original headers) whose sender's record is broken yields the corrected record; a From-mail.ru
// bounce names the foreign-domain cause.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { wrapDsn } from '../diagnose/helpers.js';
import { ensureKnot, type KnotServer, rootZone, startKnot } from './knot-server.js';
import { runCli } from './run-cli.js';
import { seedError } from './seed-errors.js';

const _root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const text = (id: string) => seedError(id).text;

const ZONE = rootZone(`example.com. IN TXT "v=spf1 ip4:198.51.100.0/24 -all"
example.com. IN MX 10 mx.example.com.
mx.example.com. IN A 198.51.100.25
_dmarc.example.com. IN TXT "v=DMARC1: p=reject; rua=mailto:dmarc@example.com"
mail.ru. IN TXT "v=spf1 ip4:192.0.2.0/24 ~all"
mail.ru. IN MX 10 mxs.mail.ru.
mxs.mail.ru. IN A 192.0.2.30
_dmarc.mail.ru. IN TXT "v=DMARC1; p=reject; rua=mailto:d@mail.ru"
`);

const headers = (from: string) => `Return-Path: <${from}>
Received: from app.example.com (app.example.com [198.51.100.20])
\tby out.example.com (Postfix) with ESMTPSA id 4711; Thu, 3 Dec 2026 09:59:58 +0000
From: Sender <${from}>
To: customer@receiver.example
Subject: Your invoice
Date: Thu, 3 Dec 2026 09:59:57 +0000
Message-ID: <inv-1@example.com>`;

const knot = ensureKnot();

describe('explain with the diagnosis chain against Knot', { skip: knot.ok ? false : knot.why }, () => {
  let server: KnotServer;
  let dir: string;
  before(async () => {
    server = await startKnot(ZONE);
    dir = mkdtempSync(path.join(os.tmpdir(), 'bouncedoc-chain-'));
  });
  after(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function explainJson(bounce: string) {
    const file = path.join(dir, `b${Math.random().toString(36).slice(2)}.eml`);
    writeFileSync(file, bounce);
    const run = await runCli(['explain', file, '--dns', `127.0.0.1:${server.port}`, '--json']);
    try {
      return JSON.parse(run.stdout) as { results: { diagnosis?: Record<string, unknown> }[] };
    } catch {
      throw new Error(`no JSON (exit ${run.code}): ${run.stderr}\n${server.log()}`);
    }
  }

  it('a DMARC bounce for a sender with a broken record gives the corrected record', async () => {
    const report = await explainJson(
      wrapDsn(text('S21'), 'customer@receiver.example', headers('billing@example.com')),
    );
    const d = report.results[0].diagnosis as {
      code: string;
      correctedRecord?: { name: string; fixed: string };
    };
    assert.equal(d.code, 'dmarc-record-broken');
    assert.equal(d.correctedRecord?.name, '_dmarc.example.com');
    assert.equal(d.correctedRecord?.fixed, 'v=DMARC1; p=reject; rua=mailto:dmarc@example.com');
  });

  it('a From-mail.ru bounce names the foreign-domain cause, with the policy read from DNS', async () => {
    const report = await explainJson(
      wrapDsn(text('S24'), 'customer@receiver.example', headers('owner@mail.ru')),
    );
    const d = report.results[0].diagnosis as { code: string; rootCause: string };
    assert.equal(d.code, 'foreign-from-domain');
    assert.match(d.rootCause, /p=reject/);
  });
});
