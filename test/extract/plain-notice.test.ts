import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPlainNotice } from '../../src/extract/plain-notice.js';
import { mail } from './helpers.js';

const headers = (from: string, subject: string, to = 'sender@example.org') => [
  { name: 'from', value: from },
  { name: 'to', value: to },
  { name: 'subject', value: subject },
];

test('a mailer-daemon notice in prose: the address named in the failure sentence', () => {
  const ex = extractPlainNotice(
    mail({
      headers: headers('MAILER-DAEMON@mx.example.com', 'Returned mail: see transcript'),
      text: "User's mailbox is full: <k@example.jp>\nUnable to deliver mail.\n",
    }),
  );
  assert.equal(ex?.kind, 'bounce');
  assert.deepEqual(
    ex?.recipients.map((r) => [r.recipient, r.diagnosticCode]),
    [['k@example.jp', "User's mailbox is full: <k@example.jp>"]],
  );
});

test('quoted header lines and the notice own addresses are no recipients', () => {
  const ex = extractPlainNotice(
    mail({
      headers: headers('Postmaster <postmaster@example.net>', 'Undeliverable: hello'),
      text: [
        'Your Message',
        'To:      <k@nyaan.example.net>',
        'Sender sender@example.org could not be reached either',
        'Did not reach the following recipient: k@nyaan.example.net',
      ].join('\n'),
    }),
  );
  assert.deepEqual(
    ex?.recipients.map((r) => r.recipient),
    ['k@nyaan.example.net'],
  );
});

test('ordinary mail, or a notice without a failure sentence, is left alone', () => {
  const text = 'We could not reach a@example.com by phone.\n';
  assert.equal(
    extractPlainNotice(mail({ headers: headers('friend@example.com', 'Returned mail'), text })),
    null,
  );
  assert.equal(
    extractPlainNotice(mail({ headers: headers('mailer-daemon@example.com', 'Hello'), text })),
    null,
  );
  assert.equal(
    extractPlainNotice(
      mail({
        headers: headers('mailer-daemon@example.com', 'Returned mail'),
        text: 'Contact a@example.com\n',
      }),
    ),
    null,
  );
});

test('a plain notice that only quotes the reply is explained, not called not-bounce', async () => {
  const { explain } = await import('../../src/explain.js');
  const r = await explain(
    'From: MAILER-DAEMON@mx.example.org\nTo: a@example.com\nSubject: Undelivered Mail Returned to Sender\n\n550 5.1.1 user unknown\n',
  );
  assert.equal(r.kind, 'bounce');
  assert.equal(r.results.length, 1);
  assert.equal(r.results[0].status, '5.1.1');
  assert.equal(r.results[0].reason, 'userunknown');
});

test('a failure line longer than the part that is read is read cut, not left out', () => {
  for (const length of [1000, 5000, 2_000_000]) {
    const tail = ' word'.repeat(length / 5);
    const named = extractPlainNotice(
      mail({
        headers: headers('MAILER-DAEMON@mx.example.com', 'Undelivered Mail Returned to Sender'),
        text: `<k@example.jp>: 550 5.1.1 user unknown${tail}\n`,
      }),
    );
    assert.equal(named?.recipients[0]?.recipient, 'k@example.jp', `${length}`);
    assert.ok((named?.recipients[0]?.diagnosticCode ?? '').length <= 1000);
    const unnamed = extractPlainNotice(
      mail({
        headers: headers('MAILER-DAEMON@mx.example.com', 'Undelivered Mail Returned to Sender'),
        text: `550 5.1.1 user unknown${tail}\n`,
      }),
    );
    assert.equal(unnamed?.recipients[0]?.status, '5.1.1', `${length}`);
    assert.equal(unnamed?.recipients[0]?.replyCode, '550', `${length}`);
  }
});

test('localized notices: the subject and the failure words of German, French, Japanese servers', () => {
  const cases: [string, string, string, string][] = [
    // subject, text, recipient, the words that said it
    [
      'Unzustellbar: Rechnung',
      'Der folgende Empfänger ist dauerhaft nicht erreichbar:\n\n  petra@empfaenger.example\n    Das Postfach des Empfängers ist voll.\n    Antwort des entfernten Servers: 552 5.2.2 Postfach voll\n',
      'petra@empfaenger.example',
      // the server's own reply decides over the notice's sentence above it
      'Antwort des entfernten Servers: 552 5.2.2 Postfach voll',
    ],
    [
      'Mail Delivery System - Unzustellbar',
      'Die Nachricht konnte nicht zugestellt werden.\n\nEmpfänger: <uwe@beispiel.example>\nGrund: Der Empfänger existiert nicht.\n',
      'uwe@beispiel.example',
      'Grund: Der Empfänger existiert nicht.',
    ],
    [
      'Non remis : Devis',
      "<marie@exemple.example> : l'hôte mx.exemple.example a répondu : adresse inconnue\n",
      'marie@exemple.example',
      "<marie@exemple.example> : l'hôte mx.exemple.example a répondu : adresse inconnue",
    ],
    [
      '配信不能',
      '宛先: hanako@example.jp は存在しません\n',
      'hanako@example.jp',
      '宛先: hanako@example.jp は存在しません',
    ],
  ];
  for (const [subject, text, recipient, said] of cases) {
    const ex = extractPlainNotice(mail({ headers: headers('MAILER-DAEMON@mx.example.com', subject), text }));
    assert.deepEqual(
      ex?.recipients.map((r) => [r.recipient, r.diagnosticCode]),
      [[recipient, said]],
      subject,
    );
  }
});

test("an Exchange NDR (X-MS-Exchange-Message-Is-Ndr) in any language: the administrators' part with the reply decides", () => {
  const ex = extractPlainNotice(
    mail({
      headers: [
        ...headers(
          'Microsoft Outlook <MicrosoftExchange329e71ec88ae@firma.example>',
          'Unzustellbar: Angebot',
        ),
        { name: 'x-ms-exchange-message-is-ndr', value: '' },
      ],
      text: [
        'Die Nachricht konnte nicht an folgende Empfänger zugestellt werden:',
        '',
        'lisa@kunde.example',
        'Der Empfänger wurde nicht gefunden.',
        '',
        'Diagnoseinformationen für Administratoren:',
        '',
        'lisa@kunde.example',
        "Remoteserver hat '550 5.1.1 <lisa@kunde.example>: User unknown' zurückgegeben.",
      ].join('\n'),
    }),
  );
  assert.deepEqual(
    ex?.recipients.map((r) => [r.recipient, r.diagnosticCode]),
    [
      [
        'lisa@kunde.example',
        "Remoteserver hat '550 5.1.1 <lisa@kunde.example>: User unknown' zurückgegeben.",
      ],
    ],
  );
});

test('an address alone on its line without failure words below it is no recipient; nor is a quoted To:', () => {
  const ex = extractPlainNotice(
    mail({
      headers: headers('MAILER-DAEMON@mx.example.com', 'Unzustellbar: Hallo'),
      text: 'Kontakt:\n\n  info@example.org\n  Montag bis Freitag\n\nTo: <k@example.net>\nSubject: Fehler\n',
    }),
  );
  assert.equal(ex, null);
});

test('a localized subject names the notice wherever its words stand (Spanish, Italian, Chinese)', () => {
  for (const subject of ['Correo no entregado: Pedido 55', 'Messaggio non recapitato: Offerta', '系统退信']) {
    const ex = extractPlainNotice(
      mail({
        headers: headers('MAILER-DAEMON@mx.example.com', subject),
        text: '<maria@example.es>: 550 5.1.1 usuario desconocido\n',
      }),
    );
    assert.deepEqual(
      ex?.recipients.map((r) => r.recipient),
      ['maria@example.es'],
      subject,
    );
  }
  // an English word later in an ordinary subject is no notice
  const ex = extractPlainNotice(
    mail({
      headers: headers('MAILER-DAEMON@mx.example.com', 'Re: why was my order undeliverable?'),
      text: '<maria@example.es>: 550 5.1.1 unknown\n',
    }),
  );
  assert.equal(ex, null);
});

test('a notice that says the server goes on trying is a delay notice, in any of its languages', () => {
  const text = (tail: string) => `joao@uol.example\nMotivo: 452 4.2.2 Mailbox full\n\n${tail}\n`;
  for (const tail of [
    'A mensagem será reenviada automaticamente nas próximas 24 horas.',
    'The message will be retried for 5 days.',
    'Die Zustellung wird weiterhin versucht.',
  ]) {
    const ex = extractPlainNotice(
      mail({
        headers: headers('MAILER-DAEMON@mx.example.com', 'Falha na entrega da mensagem'),
        text: text(tail),
      }),
    );
    assert.equal(ex?.kind, 'delay', tail);
    assert.equal(ex?.recipients[0].action, 'delayed');
  }
  const final = extractPlainNotice(
    mail({
      headers: headers('MAILER-DAEMON@mx.example.com', 'Falha na entrega da mensagem'),
      text: text(''),
    }),
  );
  assert.equal(final?.kind, 'bounce');
  assert.equal(final?.recipients[0].action, undefined);
});

test('one address named without a code, and the server reply quoted below it: the reply is its diagnostic', () => {
  const text = (reply: string) =>
    [
      "Your message wasn't delivered to nobody@example.net because the address couldn't be found.",
      '',
      'The response from the remote server was:',
      reply,
    ].join('\n');
  const ex = extractPlainNotice(
    mail({
      headers: headers('MAILER-DAEMON@mx.example.com', 'Delivery Status Notification (Failure)'),
      text: text('550 5.1.1 The email account that you tried to reach does not exist.'),
    }),
  );
  assert.deepEqual(
    ex?.recipients.map((r) => [r.recipient, r.replyCode, r.status, r.diagnosticCode]),
    [
      [
        'nobody@example.net',
        '550',
        '5.1.1',
        '550 5.1.1 The email account that you tried to reach does not exist.',
      ],
    ],
  );
  // a reply that names another address is not taken for this one
  const other = extractPlainNotice(
    mail({
      headers: headers('MAILER-DAEMON@mx.example.com', 'Delivery Status Notification (Failure)'),
      text: text('550 5.1.1 <someone@example.net>: unknown'),
    }),
  );
  assert.equal(other?.recipients[0].replyCode, undefined);
});

test("hMailServer's layout: the reply quoted a few lines below the address decides; its subject counts", () => {
  const ex = extractPlainNotice(
    mail({
      headers: headers('mailer-daemon@hmail.example', 'Message undeliverable: Party'),
      text: [
        'Your message did not reach some or all of the intended recipients.',
        '',
        'The following recipient(s) could not be reached:',
        '',
        'neighbour@other.example',
        '   Error Type: SMTP',
        '   Remote server (198.51.100.200) issued an error.',
        '   hMailServer sent: DATA',
        '   Remote server replied: 554 5.7.1 Service unavailable; Client host [192.0.2.55] blocked using zen.spamhaus.org',
        '',
      ].join('\n'),
    }),
  );
  assert.deepEqual(
    ex?.recipients.map((r) => [r.recipient, r.diagnosticCode]),
    [
      [
        'neighbour@other.example',
        'Remote server replied: 554 5.7.1 Service unavailable; Client host [192.0.2.55] blocked using zen.spamhaus.org',
      ],
    ],
  );
  for (const subject of ['Permanent Delivery Failure', 'Message status - undeliverable']) {
    const other = extractPlainNotice(
      mail({
        headers: headers('MDaemon@mail.example', subject),
        text: '<a@far.example>: 550 5.1.1 unknown\n',
      }),
    );
    assert.equal(other?.recipients[0]?.recipient, 'a@far.example', subject);
  }
});

test("a translated Postfix delay warning: its subject, its sentence folded onto an indented line, 'will be kept in the queue'", () => {
  const ex = extractPlainNotice(
    mail({
      headers: headers('MAILER-DAEMON@mail.societe.example', 'Avertissement : message retardé'),
      text: [
        "Votre message n'a pas pu être remis depuis 4 heures.",
        "Il sera conservé dans la file d'attente jusqu'à 5 jours.",
        '',
        '<client@lent.example>: connect to mx.lent.example[198.51.100.3]:25: Connection',
        '    timed out',
        '',
      ].join('\n'),
    }),
  );
  assert.equal(ex?.kind, 'delay');
  assert.deepEqual(
    ex?.recipients.map((r) => [r.recipient, r.action, r.diagnosticCode]),
    [
      [
        'client@lent.example',
        'delayed',
        '<client@lent.example>: connect to mx.lent.example[198.51.100.3]:25: Connection timed out',
      ],
    ],
  );
});
