// The bounces in examples/ (written for the README) read as they are meant to.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { explain } from '../../src/index.js';

const example = async (name: string) =>
  explain(await readFile(new URL(`../../examples/${name}`, import.meta.url)));

test('examples: the fields each bounce states come out', async () => {
  const cases: Array<[string, string, string, string, string, string]> = [
    // file, kind, format, recipient, status, reply code
    ['user-unknown.eml', 'bounce', 'rfc3464', 'jane.doe@example.com', '5.1.1', '550'],
    ['mailbox-full-delay.eml', 'delay', 'rfc3464', 'bob@example.net', '4.2.2', '452'],
    ['gmail-dmarc-rejected.eml', 'bounce', 'rfc3464', 'alice.customer@gmail.com', '5.7.26', '550'],
    ['blocklisted-ip.eml', 'bounce', 'rfc3464', 'carol@example.org', '5.7.1', '554'],
    ['outlook-reply.txt', 'reply-text', 'reply-text', '', '5.7.1', '550'],
  ];
  for (const [file, kind, format, recipient, status, replyCode] of cases) {
    const r = await example(file);
    assert.equal(r.kind, kind, file);
    assert.equal(r.format, format, file);
    assert.equal(r.results.length, 1, file);
    assert.equal(r.results[0].recipient, recipient, file);
    assert.equal(r.results[0].status, status, file);
    assert.equal(r.results[0].replyCode, replyCode, file);
  }
});

test('examples: the DMARC rejection carries the original headers with our From', async () => {
  const r = await example('gmail-dmarc-rejected.eml');
  assert.equal(r.original?.from, 'Example Shop Billing <invoices@shop.example>');
  assert.match(r.originalHeaders ?? '', /^DKIM-Signature: v=1; a=rsa-sha256;.*d=esp\.example/ms);
  assert.equal(r.results[0].smtpCommand, 'DATA');
});

test('examples: the spam complaint is a feedback report', async () => {
  const r = await example('spam-complaint.eml');
  assert.equal(r.kind, 'feedback');
  assert.equal(r.results[0].recipient, 'dave@example.net');
  assert.equal(r.results[0].feedbackType, 'abuse');
});
