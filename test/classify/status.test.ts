import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  describeStatus,
  isGenericStatus,
  isPermanent,
  isTransient,
  parseStatus,
  STATUS_DETAILS,
} from '../../src/classify/status.js';

describe('RFC 3463 status table', () => {
  it('parses and normalises codes', () => {
    assert.deepEqual(parseStatus('5.1.1'), { code: '5.1.1', class: '5', subject: '1', detail: '1' });
    assert.equal(parseStatus(' 4.07.028 ')?.code, '4.7.28');
    assert.equal(parseStatus('3.1.1'), null); // class 3 does not exist
    assert.equal(parseStatus('5.1'), null);
    assert.equal(parseStatus('5.1.1234'), null);
  });
  it('describes codes from the table', () => {
    assert.equal(describeStatus('5.1.1'), 'Permanent failure: Bad destination mailbox address');
    assert.equal(describeStatus('4.2.2'), 'Persistent transient failure: Mailbox full');
    assert.equal(describeStatus('5.7.26'), 'Permanent failure: Multiple authentication checks failed');
    assert.equal(describeStatus('5.1.10'), 'Permanent failure: Recipient address has null MX');
    // an unknown detail falls back to the subject's meaning
    assert.equal(describeStatus('5.7.999'), 'Permanent failure: Security or policy status');
  });
  it('names each entry with its source', () => {
    for (const [key, entry] of Object.entries(STATUS_DETAILS)) {
      assert.match(key, /^\d\.\d{1,2}$/);
      assert.match(entry.source, /^(RFC \d{4}|IANA)/);
    }
  });
  it('tells permanent, transient and generic codes apart', () => {
    assert.equal(isPermanent('5.2.2'), true);
    assert.equal(isTransient('4.4.7'), true);
    assert.equal(isPermanent('4.4.7'), false);
    assert.equal(isGenericStatus('5.0.0'), true);
    assert.equal(isGenericStatus('5.7.1'), false);
  });
});
