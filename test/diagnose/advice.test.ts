// The advice next to a named root cause: its fix first, and none of the generic steps (chosen from
// the reason alone) that contradict it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { adviceWithCause } from '../../src/diagnose/advice.js';
import { diagnoseReport } from '../../src/diagnose/chain.js';
import type { ChainDiagnosis, DiagnosisCode } from '../../src/diagnose/types.js';
import { zoneFileResolver } from '../../src/dns/index.js';
import { explain } from '../../src/explain.js';
import type { Advice } from '../../src/types.js';
import { wrapDsn } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const example = (name: string) => readFileSync(path.join(root, 'examples', name), 'utf8');

describe('advice steps next to a named root cause', () => {
  it('dmarc-record-broken (with the zone): the corrected record first, no generic SPF/DKIM steps', async () => {
    const report = await explain(example('dmarc-permerror.eml'));
    const generic = report.results[0].advice.steps;
    assert.ok(generic.some((s) => /SPF record listing/.test(s))); // what the advise stage proposes alone
    const [r] = (
      await diagnoseReport(report, { resolver: zoneFileResolver(example('zones/shop.example.zone')) })
    ).results;
    assert.deepEqual(r.advice.steps, [
      'Replace the TXT record at _dmarc.shop.example with: v=DMARC1; p=reject; rua=mailto:dmarc@shop.example',
    ]);
    assert.equal(r.advice.summary, report.results[0].advice.summary);
  });

  it('dmarc-record-broken offline: the check to run first, once', async () => {
    const [r] = (await diagnoseReport(await explain(example('dmarc-permerror.eml')), {})).results;
    assert.match(r.advice.steps[0], /^Run `bouncedoc check shop\.example`/);
    assert.equal(r.advice.steps.filter((s) => /bouncedoc check/.test(s)).length, 1);
    assert.ok(
      !r.advice.steps.some((s) => /SPF record listing|with DKIM for the From domain|free mail/.test(s)),
    );
  });

  it('a cause the generic steps agree with keeps them, after its own fix', async () => {
    const headers = `Return-Path: <billing@example.com>
From: Billing <billing@example.com>
To: a@receiver.example
Subject: Invoice
Message-ID: <i-1@example.com>`;
    const bounce = wrapDsn(
      '550 5.7.23 SPF check failed for the sending server',
      'a@receiver.example',
      headers,
    );
    const [r] = (await diagnoseReport(await explain(bounce), {})).results;
    assert.equal(r.diagnosis?.code, 'spf-fail');
    assert.equal(r.advice.steps[0], r.diagnosis?.fix);
    assert.ok(r.advice.steps.length > 1, r.advice.steps.join('; '));
  });

  it('each kept step keeps its topic beside it; the fix, first, is about running the check when it says so', async () => {
    const [r] = (await diagnoseReport(await explain(example('dmarc-permerror.eml')), {})).results;
    assert.equal(r.advice.stepTopics.length, r.advice.steps.length);
    assert.match(r.advice.steps[0], /^Run `bouncedoc check shop\.example`/);
    assert.equal(r.advice.stepTopics[0], 'run-check');
  });
});

describe('the steps a cause rules out are chosen by their topic, not by their words', () => {
  const advice = (steps: [string, Advice['stepTopics'][number]][]): Advice => ({
    summary: 's',
    steps: steps.map(([text]) => text),
    stepTopics: steps.map(([, topic]) => topic),
    retry: { advised: false, when: 'w' },
    stage: 'final',
  });
  const cause = (
    code: Exclude<DiagnosisCode, 'undetermined'>,
    fix = 'Replace the record.',
  ): ChainDiagnosis => ({
    code,
    rootCause: 'r',
    fix,
    steps: [],
    party: 'sender',
    confidence: 'confirmed',
    checked: [],
    notChecked: [],
  });

  it('a reworded step keeps its topic; words that name SPF do not make a step about it', () => {
    const a = advice([
      ['Publish the record that lists your sending servers.', 'spf'],
      ['SPF aside, tell the recipient by another channel.', null],
      ['Use an address on a domain of yours.', 'free-mail-from'],
    ]);
    const out = adviceWithCause(a, cause('dmarc-record-broken'), false);
    assert.deepEqual(out.steps, ['Replace the record.', 'SPF aside, tell the recipient by another channel.']);
    assert.deepEqual(out.stepTopics, [null, null]);
    // a cause that rules out none of them keeps them all, after its fix
    assert.deepEqual(adviceWithCause(a, cause('no-ptr'), false).steps, ['Replace the record.', ...a.steps]);
  });

  it('advice stored before steps had topics (no stepTopics) keeps its steps, after the fix', () => {
    const { stepTopics: _, ...old } = advice([['Publish an SPF record.', 'spf']]);
    const out = adviceWithCause(old as Advice, cause('dmarc-record-broken'), false);
    assert.deepEqual(out.steps, ['Replace the record.', 'Publish an SPF record.']);
    assert.deepEqual(out.stepTopics, [null, null]);
  });

  it('the step to run the check goes once DNS was checked, or when the fix says to run it', () => {
    const a = advice([
      ['Let the domain doctor look at your records.', 'run-check'],
      ['Send again.', null],
    ]);
    assert.deepEqual(adviceWithCause(a, cause('spf-fail'), false).steps, ['Replace the record.', ...a.steps]);
    assert.deepEqual(adviceWithCause(a, cause('spf-fail'), true).steps, [
      'Replace the record.',
      'Send again.',
    ]);
    const runs = cause('spf-fail', 'Run `bouncedoc check example.com` with DNS.');
    assert.deepEqual(adviceWithCause(a, runs, false).steps, [runs.fix, 'Send again.']);
    assert.deepEqual(adviceWithCause(a, runs, false).stepTopics, ['run-check', null]);
    assert.deepEqual(adviceWithCause(a, cause('spf-fail'), false).stepTopics, [null, 'run-check', null]);
  });
});
