import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytesToText } from '../../src/read/bytes.js';
import { decodeBinary, decoderFor } from '../../src/read/fast/charset.js';
import { readFast } from '../../src/read/fast/index.js';
import { NEEDS_DECODING } from '../../src/read/fast/message.js';
import { parseStructured } from '../../src/read/fast/params.js';
import { decodeEncodedWords } from '../../src/read/fast/rfc2047.js';
import { decodeBase64, decodeQuotedPrintable } from '../../src/read/fast/transfer.js';
import { readInput } from '../../src/read/index.js';
import type { MailMessage } from '../../src/types.js';

function read(input: string | Uint8Array): MailMessage {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const m = readFast(bytes, bytesToText(bytes));
  assert.ok(m, 'the fast reader takes the message');
  return m;
}
const header = (m: MailMessage, name: string) => m.headers.find((h) => h.name === name)?.value;
/** Bytes of a string in a legacy charset, as binary string pieces (test input only). */
const bin = (...pieces: Array<string | Buffer>) =>
  Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));

const report = [
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
  'To: sender@example.org',
  'Subject: =?koi8-r?b?79vJwsvBIMTP09TB18vJ?=',
  'X-Long: first part',
  '  second part',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status;',
  '\tboundary="b1"',
  '',
  'preamble, not a part',
  '--b1',
  'Content-Type: multipart/alternative; boundary=b2',
  '',
  '--b2',
  'Content-Type: text/plain; charset=koi8-r',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  '=F0=CF=CC=D8=DA=CF=D7=C1=D4=C5=CC=D8 =CE=C5 =CE=C1=CA=C4=C5=CE=\r',
  ', soft break',
  '--b2',
  'Content-Type: text/html',
  '',
  '<p>HTML version</p>',
  '--b2--',
  '--b1',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.net',
  '',
  'Final-Recipient: rfc822; someone@example.com',
  'Action: failed',
  'Status: 5.1.1',
  '--b1  ',
  'Content-Type: message/rfc822',
  '',
  'From: sender@example.org',
  'Subject: hello',
  '',
  'body',
  '--b1--',
  'epilogue',
  '',
].join('\n');

test('headers: lower-case names, unfolded, RFC 2047-decoded', () => {
  const m = read(report);
  assert.equal(header(m, 'subject'), 'Ошибка доставки');
  assert.equal(header(m, 'x-long'), 'first part second part');
  assert.equal(header(m, 'from'), 'Mail Delivery System <MAILER-DAEMON@mx.example.net>');
});

test('multipart/report: text from one alternative, report and original in their own fields', () => {
  const m = read(report);
  assert.equal(m.text.trim(), 'Пользователь не найден, soft break');
  assert.match(
    m.deliveryStatus ?? '',
    /^Reporting-MTA: dns; mx\.example\.net\n\nFinal-Recipient: rfc822; someone@example\.com\nAction: failed\nStatus: 5\.1\.1\n$/,
  );
  assert.equal(m.originalMessage, 'From: sender@example.org\nSubject: hello\n\nbody\n');
  assert.deepEqual(
    m.parts.map((p) => p.contentType),
    ['text/plain', 'text/html', 'message/delivery-status', 'message/rfc822'],
  );
  assert.equal(m.parts[1].content.trim(), '<p>HTML version</p>');
  assert.ok(!m.text.includes('preamble') && !m.text.includes('epilogue'));
});

test('CRLF line ends read the same as LF', () => {
  const m = read(report.replace(/\n/g, '\r\n'));
  assert.equal(m.text.trim(), 'Пользователь не найден, soft break');
  assert.equal(m.originalMessage, 'From: sender@example.org\nSubject: hello\n\nbody\n');
});

test('base64 bodies in ISO-2022-JP, Shift_JIS, EUC-JP, windows-1251 and GBK are decoded', () => {
  const cases: Array<[string, string]> = [
    ['iso-2022-jp', 'GyRCJTUhPCVQITwkS0BcQjMkRyQtJF4kOyRzGyhC'],
    ['shift_jis', 'g1SBW4NvgVuCyZDakbGCxYKrgtyCuYLx'],
    ['euc-jp', 'pbWhvKXQobyky8DcwrOkx6StpN6ku6Tz'],
    ['windows-1251', '0ODx7+Dq7uLq4A=='],
    ['gb2312', 'xOO6ww=='],
  ];
  const expected = [
    'サーバーに接続できません',
    'サーバーに接続できません',
    'サーバーに接続できません',
    'Распаковка',
    '你好',
  ];
  cases.forEach(([charset, b64], i) => {
    const m = read(
      `From: a@example.com\nContent-Type: text/plain; charset="${charset}"\nContent-Transfer-Encoding: base64\n\n${b64}\n`,
    );
    assert.equal(m.text.trim(), expected[i], charset);
  });
});

test('8-bit bodies are decoded in their charset; unknown charsets read as UTF-8, else latin1', () => {
  const koi = read(
    bin(
      'From: a@example.com\nContent-Type: text/plain; charset=koi8-r\n\n',
      Buffer.from([0xf0, 0xd2, 0xc9]),
      '\n',
    ),
  );
  assert.equal(koi.text.trim(), 'При');
  const utf8 = read(`From: a@example.com\nContent-Type: text/plain; charset=x-unknown-cs\n\nnaïve\n`);
  assert.equal(utf8.text.trim(), 'naïve');
  const latin = read(
    bin(
      'From: a@example.com\nContent-Type: text/plain; charset=x-unknown-cs\n\nna',
      Buffer.from([0xef]),
      've\n',
    ),
  );
  assert.equal(latin.text.trim(), 'naïve');
});

test('a text attachment honours its charset; a returned message is kept as raw text', () => {
  const m = read(
    bin(
      'From: a@example.com\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain\n\nnotice\n',
      '--x\nContent-Type: text/plain; charset=windows-1251\nContent-Disposition: attachment; filename="a.txt"\n\n',
      Buffer.from([0xcf, 0xf0, 0xe8]),
      '\n--x\nContent-Type: text/rfc822-headers\n\nSubject: =?utf-8?q?caf=C3=A9?=\n--x--\n',
    ),
  );
  const att = m.parts.find((p) => p.filename === 'a.txt');
  assert.equal(att?.content.trim(), 'При');
  assert.equal(m.originalMessage, 'Subject: =?utf-8?q?caf=C3=A9?=\n');
  // text/rfc822-headers is text: its charset parameter counts (the postal adapter ignores it)
  const koi = read(
    bin(
      'From: a@example.com\nContent-Type: multipart/report; boundary=r\n\n--r\n\nnotice\n',
      '--r\nContent-Type: text/rfc822-headers; charset=koi8-r\n\nSubject: ',
      Buffer.from([0xf0, 0xd2, 0xc9]),
      '\n--r--\n',
    ),
  );
  assert.equal(koi.originalMessage, 'Subject: При\n');
});

test('feedback reports and global delivery status fill their fields', () => {
  const m = read(
    'From: a@example.com\nContent-Type: multipart/report; report-type=feedback-report; boundary=f\n\n--f\nContent-Type: text/plain\n\nabuse report\n--f\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nUser-Agent: x/1\n--f\nContent-Type: message/global-delivery-status\n\nFinal-Recipient: utf-8; jöran@example.com\n--f--\n',
  );
  assert.equal(m.feedbackReport, 'Feedback-Type: abuse\nUser-Agent: x/1\n');
  assert.equal(m.deliveryStatus, 'Final-Recipient: utf-8; jöran@example.com\n');
});

test('HTML-only messages get text from html.ts; image and application parts are not decoded', () => {
  const m = read(
    'From: a@example.com\nContent-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: text/html\n\n<div>Delivery failed</div><p>User&nbsp;unknown</p>\n--z\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--z\nContent-Type: application/json\n\n{"a":1}\n--z--\n',
  );
  assert.equal(m.text, 'Delivery failed\nUser unknown');
  const png = m.parts.find((p) => p.contentType === 'image/png');
  assert.equal(png?.content, '');
  assert.equal(m.parts.find((p) => p.contentType === 'application/json')?.content.trim(), '{"a":1}');
});

test('a close delimiter of an outer multipart ends unclosed inner parts; digest parts default to message/rfc822', () => {
  const m = read(
    'From: a@example.com\nContent-Type: multipart/mixed; boundary=o\n\n--o\nContent-Type: multipart/digest; boundary=i\n\n--i\n\nFrom: x@example.com\n\nfirst\n--o\nContent-Type: text/plain\n\nafter\n--o--\n',
  );
  assert.equal(m.originalMessage, 'From: x@example.com\n\nfirst\n');
  assert.equal(m.text.trim(), 'after');
});

test('a lost ";" before a parameter and a missing boundary are read leniently', () => {
  const m = read(
    bin(
      'From: a@example.com\nContent-Type: text/plain\n   charset="iso-8859-5"\n\n',
      Buffer.from([0xbf, 0xe0]),
      '\n',
    ),
  );
  assert.equal(m.text.trim(), 'Пр');
  const noBoundary = read('From: a@example.com\nContent-Type: multipart/mixed\n\nthe body survives\n');
  assert.equal(noBoundary.text.trim(), 'the body survives');
});

test('format=flowed text is unwrapped (RFC 3676)', () => {
  const m = read(
    'From: a@example.com\nContent-Type: text/plain; format=flowed; delsp=yes\n\nThe message could not be deliv \nered to anyone.\n-- \nsig\n',
  );
  assert.equal(m.text.trim(), 'The message could not be delivered to anyone.\n-- \nsig');
});

test('structured values: comments, quoting, RFC 2231 continuations and charsets', () => {
  const ct = parseStructured(
    'Text/Plain (comment; here); charset="us-ascii" ; name=a(1).txt; boundary="x;y"',
  );
  assert.equal(ct.value, 'text/plain');
  assert.equal(ct.params.charset, 'us-ascii');
  assert.equal(ct.params.name, 'a(1).txt');
  assert.equal(ct.params.boundary, 'x;y');
  const cd = parseStructured('attachment; filename*0*=utf-8\'\'caf%C3%A9; filename*1=" list.txt"');
  assert.equal(cd.params.filename, 'café list.txt');
});

test('encoded words: adjacent words joined, split characters kept, Q underscores are spaces', () => {
  assert.equal(decodeEncodedWords('=?UTF-8?B?44Kt44K444OI44Op?= =?UTF-8?B?44O7?=x'), 'キジトラ・x');
  // one character split across two words (bytes E3 83 | BB)
  assert.equal(decodeEncodedWords('=?utf-8?q?=E3=83?= =?utf-8?q?=BB?='), '・');
  assert.equal(decodeEncodedWords('a =?iso-8859-1?q?caf=E9_au_lait?= b'), 'a café au lait b');
  assert.equal(decodeEncodedWords('=?utf-8*en?Q?hi?='), 'hi');
  assert.equal(decodeEncodedWords('not =?encoded'), 'not =?encoded');
});

test('transfer decoding: base64 with junk and per-line padding; quoted-printable soft breaks', () => {
  assert.equal(decodeBase64('aGVs\nbG8=\nd29y bGQ=\n'), 'hello' + 'world');
  assert.equal(decodeQuotedPrintable('a=3Db=\nc =ZZ=\n'), 'a=bc =ZZ');
  // a soft line break padded with white space by a relay is still one (RFC 2045 6.7 rule 3)
  assert.equal(decodeQuotedPrintable('550 5.7.1 bloc= \t\nked = x'), '550 5.7.1 blocked = x');
  assert.equal(decodeQuotedPrintable(`a=${' '.repeat(100_000)}`), 'a');
  assert.equal(decodeBinary('caf\xc3\xa9', 'utf-8'), 'café');
  assert.equal(decoderFor('x-sjis')?.encoding, 'shift_jis');
  assert.equal(decoderFor('cp932')?.encoding, 'shift_jis');
  assert.equal(decoderFor('no such charset'), null);
});

test('readInput uses the fast reader by default', async () => {
  // ISO-2022-JP text split across two base64 words: the second word has no escape sequence of
  // its own, so the words must be decoded as one byte run (postal-mime gives U+FFFD here).
  const r = await readInput(
    'From: a@example.com\nSubject: =?iso-2022-jp?B?GyRCJUslYw==?=\n =?iso-2022-jp?B?ITwlcxsoQg==?=\n\nbody\n',
  );
  assert.equal(r.type, 'message');
  assert.equal(
    r.type === 'message' && r.message.headers.find((h) => h.name === 'subject')?.value,
    'ニャーン',
  );
});

test('NEEDS_DECODING spells out /[^\\S ]| {2}|=\\?/: the same answer for every character', () => {
  const general = /[^\S ]| {2}|=\?/;
  for (let c = 0; c <= 0xffff; c++) {
    const ch = String.fromCharCode(c);
    for (const text of [ch, `a${ch}b`, ` ${ch}`, `${ch}?`]) {
      assert.equal(
        NEEDS_DECODING.test(text),
        general.test(text),
        `U+${c.toString(16)} in ${JSON.stringify(text)}`,
      );
    }
  }
});
