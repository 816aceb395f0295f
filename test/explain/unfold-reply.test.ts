// The server's words as a person reads them: a multi-line reply unfolded without its repeated
// "550-5.7.26" continuation prefixes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explain, unfoldReply } from '../../src/explain.js';

describe('unfoldReply', () => {
  it('drops the continuation prefixes of a Gmail reply', () => {
    assert.equal(
      unfoldReply(
        "550-5.7.26 Unauthenticated email is not accepted due 550-5.7.26 to domain's policy. 550 5.7.26 https://x",
      ),
      "550 5.7.26 Unauthenticated email is not accepted due to domain's policy. https://x",
    );
  });
  it('keeps single-line replies and texts without a leading code as they are', () => {
    assert.equal(unfoldReply('550 5.1.1 <a@b>: user unknown'), '550 5.1.1 <a@b>: user unknown');
    assert.equal(unfoldReply('Host unknown'), 'Host unknown');
    assert.equal(unfoldReply('550-Requested action 550 not taken'), '550-Requested action 550 not taken');
  });
  it('is applied to explain() results', async () => {
    const report = await explain(
      '550-5.7.1 Unauthenticated email from mail.ru is not accepted due to\n550-5.7.1 DMARC policy.\n550 5.7.1 gsmtp',
    );
    assert.doesNotMatch(report.results[0].diagnosticCode ?? '', /550-5\.7\.1/);
  });
});
