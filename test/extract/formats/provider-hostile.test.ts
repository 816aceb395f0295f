// The provider formats on hostile text: long lines of the characters their patterns look for must
// neither throw nor take long (linear-time patterns, bounded scans).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amazonses } from '../../../src/extract/formats/amazonses.js';
import { biglobe } from '../../../src/extract/formats/biglobe.js';
import { einsUndEins } from '../../../src/extract/formats/einsundeins.js';
import { ezweb } from '../../../src/extract/formats/ezweb.js';
import { gmail } from '../../../src/extract/formats/gmail.js';
import { gmx } from '../../../src/extract/formats/gmx.js';
import { googleGroups } from '../../../src/extract/formats/google-groups.js';
import { kddi } from '../../../src/extract/formats/kddi.js';
import { mailru } from '../../../src/extract/formats/mailru.js';
import { office365 } from '../../../src/extract/formats/office365.js';
import { yahoo } from '../../../src/extract/formats/yahoo.js';
import { zoho } from '../../../src/extract/formats/zoho.js';
import { mail } from '../helpers.js';

const formats = [
  amazonses,
  biglobe,
  einsUndEins,
  ezweb,
  gmail,
  gmx,
  googleGroups,
  kddi,
  mailru,
  office365,
  yahoo,
  zoho,
];

const intros = [
  'Delivery to the following recipient failed permanently:\n',
  'Sorry, we were unable to deliver your message to the following address.\n',
  'The following address(es) failed:\n',
  'The following address failed:\n',
  'Delivery has failed to these recipients or groups:\nDiagnostic information for administrators:\n',
  'This message was created automatically by mail delivery software.\n',
  'Your mail sent on: x\n',
  '   ----- The following addresses had delivery problems -----\n   ----- Non-delivered information -----\n',
];
const junk = [
  'a@'.repeat(100_000),
  '<'.repeat(100_000),
  ' '.repeat(100_000),
  `${'x'.repeat(50_000)}@${'y.'.repeat(50_000)}`,
  '5.5.5 '.repeat(30_000),
  `"${'a'.repeat(60_000)}@b":`,
  'ERROR_CODE :550, '.repeat(10_000),
  '{"notificationType":'.repeat(10_000),
];

test('provider formats: hostile text does not throw and gives a bounded answer', () => {
  const headers = [
    { name: 'from', value: 'MAILER-DAEMON@googlemail.com' },
    { name: 'subject', value: 'Failure Notice' },
    { name: 'x-failed-recipients', value: 'a@example.org' },
  ];
  for (const intro of intros) {
    for (const j of junk) {
      const text = `${intro}${j}\n${j}\n`;
      const msg = mail({ headers, text, raw: text });
      for (const f of formats) {
        let ex: ReturnType<typeof f.extract> = null;
        assert.doesNotThrow(() => {
          ex = f.extract(msg);
        }, f.name);
        assert.ok(ex === null || (ex as { recipients: unknown[] }).recipients.length <= 10_000, f.name);
      }
    }
  }
});
