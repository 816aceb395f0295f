// ESP webhook payloads through explain(): the ESP's label is kept, and where it contradicts the
// server's evidence the classification follows the evidence and says so in `note`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { explain, InputError } from '../../src/explain.js';
import { MAX_WEBHOOK_BYTES } from '../../src/extract/webhooks/index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../extract/webhooks/fixtures/${name}`, import.meta.url), 'utf8');

describe('webhooks through explain()', () => {
  it('an SES "Transient" bounce for a domain that does not exist is hard, with a note', async () => {
    const report = await explain(fixture('ses-sns-transient-dead-domain.json'));
    assert.equal(report.format, 'ses-webhook');
    const r = report.results[0];
    assert.equal(r.bounceType, 'hard');
    assert.equal(r.category, 'recipient-domain');
    assert.match(r.espLabel ?? '', /Transient/);
    assert.match(r.note ?? '', /follows the server's evidence/);
  });

  it('a Postmark "HardBounce" that is a policy block stays a block: the address is not suppressed', async () => {
    const r = (await explain(fixture('postmark-bounce.json'))).results[0];
    assert.equal(r.bounceType, 'block');
    assert.equal(r.hardbounce, false);
    assert.ok(r.note);
  });

  it('a label that agrees with the evidence adds no note', async () => {
    const report = await explain(fixture('mailgun-failed.json'));
    for (const r of report.results) {
      if (r.note) assert.notEqual(r.espLabel, undefined);
    }
    assert.ok(report.results.length > 0);
  });
});

/** An SES bounce notification for one recipient, with the recipient entry's extra fields. */
function sesBounce(type: string, subType: string, recipient: Record<string, string> = {}): string {
  return JSON.stringify({
    notificationType: 'Bounce',
    bounce: {
      bounceType: type,
      bounceSubType: subType,
      bouncedRecipients: [{ emailAddress: 'jane@example.com', ...recipient }],
    },
    mail: { source: 'john@example.org', messageId: 'm', destination: ['jane@example.com'] },
  });
}

function mailgunFailed(severity: string, deliveryStatus: Record<string, unknown>): string {
  return JSON.stringify({
    'event-data': {
      event: 'failed',
      severity,
      reason: 'bounce',
      recipient: 'alice@example.com',
      'delivery-status': deliveryStatus,
    },
  });
}

describe('webhooks without server evidence: the ESP label decides, and the note says so', () => {
  it('SES Permanent/General without a diagnostic code is a hard bounce, not "temporary"', async () => {
    const r = (await explain(sesBounce('Permanent', 'General'))).results[0];
    assert.equal(r.bounceType, 'hard');
    assert.equal(r.hardbounce, true);
    assert.equal(r.party, 'recipient');
    assert.equal(r.reason, 'undefined'); // no cause is invented
    assert.equal(r.status, '5.0.900');
    assert.equal(r.advice.retry.advised, false);
    assert.equal(
      r.note,
      'The payload holds no words or enhanced status from the server; bouncedoc follows the ESP\'s label "ses: Permanent/General": a dead address (hard bounce).',
    );
    assert.doesNotMatch(r.note ?? '', /server's (status|evidence)/);
  });

  it('Mailgun failed/permanent with code 550 and no message is hard, not a block', async () => {
    const r = (await explain(mailgunFailed('permanent', { code: 550, message: '', description: '' })))
      .results[0];
    assert.equal(r.replyCode, '550');
    assert.equal(r.bounceType, 'hard');
    assert.equal(r.advice.retry.advised, false);
    assert.match(r.note ?? '', /only its reply code 550, which names no cause/);
    assert.doesNotMatch(r.note ?? '', /server's (status|evidence)/);
  });

  it("Mailgun's suppress-bounce (its own code 605 and words, no server reply) is a suppressed address", async () => {
    // Mailgun writes its words as the description, and also as the message (which otherwise holds
    // the remote server's reply)
    for (const message of ['', 'Not delivering to previously bounced address']) {
      const payload = JSON.parse(
        mailgunFailed('permanent', {
          code: 605,
          message,
          description: 'Not delivering to previously bounced address',
        }),
      );
      payload['event-data'].reason = 'suppress-bounce';
      const r = (await explain(JSON.stringify(payload))).results[0];
      assert.equal(r.reason, 'suppressed', message);
      assert.equal(r.bounceType, 'hard');
      assert.equal(r.advice.retry.advised, false);
      assert.equal(r.status, '5.0.903');
      assert.doesNotMatch(r.note ?? '', /server's (status|evidence|words)/);
    }
  });

  it('SES Transient/General without a diagnostic is soft, and its pseudo status is transient', async () => {
    const r = (await explain(sesBounce('Transient', 'General'))).results[0];
    assert.equal(r.bounceType, 'soft');
    assert.equal(r.status, '4.0.900');
    assert.equal(r.advice.retry.advised, true);
  });

  it('a sub-type that names the cause decides over the label kind, without claiming server evidence', async () => {
    const r = (await explain(sesBounce('Permanent', 'ContentRejected'))).results[0];
    assert.equal(r.reason, 'contenterror');
    assert.equal(r.bounceType, 'block');
    assert.match(r.note ?? '', /its detail names the cause, contenterror/);
    assert.doesNotMatch(r.note ?? '', /server's (status|evidence)/);
  });

  it("a bare 4xx reply code against a permanent label: the server's class decides, and the note names the code", async () => {
    const r = (await explain(mailgunFailed('permanent', { code: 421, message: '' }))).results[0];
    assert.equal(r.bounceType, 'soft');
    assert.match(r.note ?? '', /reply code 421 says temporary/);
  });

  it("with the server's words the evidence still decides over the label", async () => {
    const r = (
      await explain(
        sesBounce('Permanent', 'General', {
          status: '4.2.2',
          diagnosticCode: 'smtp; 452 4.2.2 Mailbox full',
        }),
      )
    ).results[0];
    assert.equal(r.reason, 'mailboxfull');
    assert.equal(r.bounceType, 'soft');
    assert.match(r.note ?? '', /follows the server's evidence/);
  });
});

describe('JSON that is no webhook payload', () => {
  it('a well-formed JSON document no reader knows is not a bounce, and says so: not a reply text', async () => {
    const junk = JSON.stringify([
      { email: 12345, event: 'bounce', reason: 550, status: 5.11, type: null },
      'junk',
      { email: 'ok@example.com', event: 'bounce', reason: { text: '550' }, status: ['5.1.1'] },
    ]);
    const report = await explain(junk);
    assert.equal(report.kind, 'not-bounce');
    assert.equal(report.format, 'json');
    assert.deepEqual(report.results, []);
    assert.equal(
      report.note,
      'This is a JSON document, but no known ESP webhook payload (Amazon SES (SNS), SendGrid, Mailgun, Postmark, SparkPost, Mandrill): there is no delivery event to explain.',
    );
  });

  it("a known ESP's payload without a delivery event names the ESP", async () => {
    const report = await explain(
      JSON.stringify([{ email: 'a@example.org', event: 'open', sg_event_id: 'x' }]),
    );
    assert.equal(report.kind, 'not-bounce');
    assert.equal(report.format, 'sendgrid-webhook');
    assert.match(
      report.note ?? '',
      /^This is a webhook payload from SendGrid, but it holds no delivery event/,
    );
  });

  it('a SendGrid batch over the 16 MB webhook limit is refused as too large, in one line', async () => {
    const event = '{"email":"u@example.com","event":"bounce","reason":"550 5.1.1 unknown","status":"5.1.1"}';
    const big = `[${`${event},`.repeat(Math.ceil((17 * 1024 * 1024) / (event.length + 1)))}${event}]`;
    await assert.rejects(explain(big), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.equal(err.code, 'too-large');
      assert.match(
        err.message,
        /^input is a JSON body of 17\.0 MB; the limit for a webhook payload is 16 MB/,
      );
      assert.doesNotMatch(err.message, /\n/);
      return true;
    });
  });
});

describe('SparkPost bounce classes carry their category', () => {
  const event = (fields: Record<string, string>) =>
    JSON.stringify([{ msys: { message_event: { type: 'bounce', rcpt_to: 'kim@example.org', ...fields } } }]);

  it('class 10 is SparkPost\'s "Hard"; the server\'s 452 4.2.2 says temporary: soft, with a note', async () => {
    const r = (
      await explain(event({ bounce_class: '10', error_code: '452', raw_reason: '452 4.2.2 Mailbox full' }))
    ).results[0];
    assert.equal(r.espLabel, 'sparkpost: bounce (bounce_class 10, Hard)');
    assert.equal(r.bounceType, 'soft');
    assert.match(
      r.note ?? '',
      /labelled this "sparkpost: bounce \(bounce_class 10, Hard\)" \(a dead address/,
    );
  });

  it('a block class names no hard or soft kind: no note against a block', async () => {
    const r = (
      await explain(
        event({
          bounce_class: '51',
          error_code: '554',
          raw_reason: '554 5.7.1 Service unavailable; client host blocked using zen.spamhaus.org',
        }),
      )
    ).results[0];
    assert.equal(r.espLabel, 'sparkpost: bounce (bounce_class 51, Block)');
    assert.equal(r.bounceType, 'block');
    assert.equal(r.note, undefined);
  });

  it('an unknown class, or one named like an object property, is kept as given and names no cause', async () => {
    for (const cls of ['777', 'constructor', '__proto__']) {
      const r = (await explain(event({ bounce_class: cls }))).results[0];
      assert.equal(r.espLabel, `sparkpost: bounce (bounce_class ${cls})`);
      assert.equal(typeof r.reason, 'string');
    }
  });
});

describe('payload values named like object properties are only values', () => {
  const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];

  it('Postmark Type, SES bounceSubType, Mandrill description: explained, never an internal error', async () => {
    for (const name of names) {
      const payloads = [
        JSON.stringify({ RecordType: 'Bounce', Type: name, Email: 'a@example.org', Description: 'x' }),
        sesBounce('Permanent', name),
        `mandrill_events=${encodeURIComponent(JSON.stringify([{ event: 'hard_bounce', msg: { email: 'a@example.org', bounce_description: name } }]))}`,
      ];
      for (const payload of payloads) {
        const report = await explain(payload);
        assert.ok(report.results.length > 0, `${name}: ${payload.slice(0, 60)}`);
        assert.equal(typeof report.results[0].reason, 'string');
      }
    }
  });
});

describe('webhook bodies laid out in lines', () => {
  // One key per line at the left margin: each line ('"event":"bounce",') has the shape of a header
  // field, so before json-body.ts the body was read as a message and said to be no bounce.
  const oneKeyPerLine = (name: string) => JSON.stringify(JSON.parse(fixture(name))).replace(/,"/g, ',\n"');

  it('a SendGrid batch with a line per key is still the SendGrid payload', async () => {
    const report = await explain(Buffer.from(oneKeyPerLine('sendgrid-events.json')));
    assert.equal(report.format, 'sendgrid-webhook');
    assert.deepEqual(
      report.results.map((r) => r.recipient),
      ['dan@example.org', 'eve@example.org', 'fay@example.org', 'gus@example.org'],
    );
  });

  it('an SES notification with a line per key keeps its recipient and status', async () => {
    const report = await explain(oneKeyPerLine('ses-sns-transient-dead-domain.json'));
    assert.equal(report.format, 'ses-webhook');
    assert.equal(report.results[0].recipient, 'anna@no-such-domain.example');
    assert.equal(report.results[0].status, '5.1.2');
  });

  it('an array of events cut short is refused too; a log line in braces or brackets is read as a log line', async () => {
    await assert.rejects(explain(fixture('sendgrid-events.json').slice(0, 150)), /is not valid JSON: /);
    for (const line of [
      '{2026-12-03T09:00:05Z} postfix/smtp[1]: to=<j@example.com>, status=bounced (host mx said: 550 5.1.1 <j@example.com>: User unknown (in reply to RCPT TO command))',
      '[2026-12-03 09:00:05] postfix/smtp[1]: to=<j@example.com>, status=bounced (host mx said: 550 5.1.1 <j@example.com>: User unknown (in reply to RCPT TO command))',
    ]) {
      const report = await explain(line);
      assert.equal(report.kind, 'reply-text', line);
      assert.equal(report.results[0].status, '5.1.1', line);
      assert.equal(report.results[0].recipient, 'j@example.com', line);
    }
  });

  it('a body cut short is refused in one line that says it is not valid JSON', async () => {
    const cut = fixture('postmark-bounce.json').slice(0, 120);
    await assert.rejects(explain(cut), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.match(err.message, /^input starts like a JSON document .* is not valid JSON: /);
      assert.doesNotMatch(err.message, /\n/);
      return true;
    });
  });
});

describe('a JSON array cut short that holds no reply', () => {
  it('is refused as JSON whatever its first value', async () => {
    for (const text of ['[1,2', '[1,2\n', '["a", "b"', '[[1', '[true,', '[ -1.5e3 ']) {
      await assert.rejects(explain(text), (err: unknown) => {
        assert.ok(err instanceof InputError, text);
        assert.equal(err.code, 'unreadable', text);
        assert.match(
          err.message,
          /^input starts like a JSON document \(a webhook body\?\) but is not valid JSON: /,
          text,
        );
        return true;
      });
    }
    await assert.rejects(explain('[1,2'), {
      message:
        "input starts like a JSON document (a webhook body?) but is not valid JSON: Expected ',' or ']' after array element in JSON at position 4",
    });
  });

  it('a log line in brackets stays a reply text, with a reply or without one', async () => {
    const withReply = await explain('[2026-12-03 09:00:05] smtp: 550 5.1.1 <jo@example.com>: User unknown');
    assert.equal(withReply.kind, 'reply-text');
    assert.equal(withReply.results[0].status, '5.1.1');
    for (const text of [
      '[2026-12-03 09:00:05] delivered',
      '[1] delivered',
      '[12:00:01] queued',
      '[note] all ok',
    ]) {
      const report = await explain(text);
      assert.equal(report.kind, 'not-bounce', text);
      assert.equal(report.format, 'reply-text', text);
    }
    // an array start followed by a reply is read for its reply
    const report = await explain('[1, 550 5.1.1 <jo@example.com>: User unknown');
    assert.equal(report.results[0].replyCode, '550');
  });
});

describe('a JSON body just over the limit', () => {
  it('says its size in bytes where MB with one decimal would read as the limit itself', async () => {
    const body = `[${' '.repeat(MAX_WEBHOOK_BYTES + 100)}]`;
    await assert.rejects(explain(body), {
      message: `input is a JSON body of ${body.length} bytes; the limit for a webhook payload is 16 MB (split the batch)`,
    });
  });
});
