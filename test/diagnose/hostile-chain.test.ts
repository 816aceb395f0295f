// The diagnosis chain on hostile conditions: a DNS server that never answers, and a bounce with
// thousands of recipients. Bounded by counting the DNS questions asked (work done), not by time.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { diagnoseReport } from '../../src/diagnose/chain.js';
import { explain } from '../../src/explain.js';
import type { DnsResult, Resolver, RRType } from '../../src/types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function counting(answer: (name: string, type: RRType) => DnsResult): Resolver & { asked: string[] } {
  const asked: string[] = [];
  const r = async (name: string, type: RRType) => {
    asked.push(`${type} ${name}`);
    return answer(name, type);
  };
  return Object.assign(r, { asked });
}

test('a DNS server that never answers: one question, then "could not check", never "missing"', async () => {
  const report = await explain(readFileSync(path.join(root, 'examples/gmail-dmarc-rejected.eml')));
  const silent = counting(() => ({ rcode: 'TIMEOUT', answers: [] }));
  const [r] = (await diagnoseReport(report, { resolver: silent })).results;
  // without the guard every step of the chain waits out its own timeout (about 20 questions)
  assert.equal(silent.asked.length, 1, silent.asked.join('; '));
  assert.ok(r.diagnosis);
  assert.ok(
    r.diagnosis.notChecked.some((n) => /shop\.example: the DNS server did not answer/.test(n)),
    r.diagnosis.notChecked.join('; '),
  );
  assert.ok(
    !r.diagnosis.checked.some((c) => /^DNS of shop\.example/.test(c)),
    r.diagnosis.checked.join('; '),
  );
  assert.ok(!r.diagnosis.steps.some((s) => /No DKIM key was found/.test(s)), r.diagnosis.steps.join('; '));
});

test('10,000 recipients at one domain: each DNS question is asked once', async () => {
  const recipients = Array.from(
    { length: 10_000 },
    (_, i) => `\nFinal-Recipient: rfc822; u${i}@gone.example\nAction: failed\nStatus: 5.1.1\n`,
  ).join('');
  const dsn = `From: MAILER-DAEMON@mx.example\nSubject: Undelivered\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example\n${recipients}\n--b--\n`;
  const report = await explain(dsn);
  assert.equal(report.results.length, 10_000);
  const dns = counting(() => ({ rcode: 'NXDOMAIN', answers: [] }));
  const out = await diagnoseReport(report, { resolver: dns });
  assert.equal(new Set(dns.asked).size, dns.asked.length, 'a question was asked twice');
  assert.ok(dns.asked.length <= 5, dns.asked.join('; '));
  assert.equal(out.results.length, 10_000);
  assert.ok(out.results.every((r) => r.diagnosis?.code === 'recipient-domain-missing'));
});
