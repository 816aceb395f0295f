// Phrases that put the fault at the message itself: spam, malware, size, malformed content.
import { type PhraseTable, p } from './types.js';

const MISC = 'observed in notices of several MTAs';
const GOOGLE = 'Gmail SMTP errors: https://support.google.com/a/answer/3726730';

export const SPAM_DETECTED: PhraseTable = {
  reason: 'spamdetected',
  phrases: [
    p('spam detected', MISC),
    p('detected as spam', MISC),
    p('classified as spam', MISC),
    p('considered spam', MISC),
    p('looks like spam', MISC),
    p('identified as spam', MISC),
    p('marked as spam', MISC),
    p('spam content', MISC),
    p('spam message', MISC),
    p('spam classification', GOOGLE),
    p('spam policy', MISC),
    p('spam score', MISC),
    p('spamassassin', 'observed in SpamAssassin-filtered notices'),
    p('message content rejected', MISC),
    p('content rejected', MISC),
    p('ube, id=', 'observed in Barracuda notices'),
    p('unsolicited bulk', MISC),
    p('likely unsolicited mail', GOOGLE),
    p('blacklisted url', 'observed in URIBL rejections'),
    p('uribl', 'https://uribl.com/'),
    p('surbl', 'https://www.surbl.org/'),
    p('mail rejete. mail rejected', 'Orange/FrancePTT error codes'),
    p('rejected as spam', MISC),
    p('rejected due to spam', MISC),
    p('spam filter', MISC),
    p('junk mail', MISC),
    p('spam rejected', MISC),
    p('suspected spam', MISC),
    p('message is spam', MISC),
    p('high probability of spam', MISC),
    p('spam-verdacht', 'observed in German notices'),
    p('als spam', 'observed in German notices'),
    p('considéré comme spam', 'observed in French notices'),
    p('considerado spam', 'observed in Spanish/Portuguese notices'),
    p('спам', 'observed in Russian notices'),
    p('垃圾邮件', 'observed in Chinese notices'),
    p('迷惑メール', 'observed in Japanese notices'),
  ],
};

export const VIRUS_DETECTED: PhraseTable = {
  reason: 'virusdetected',
  phrases: [
    // Specific wordings only: "virus" alone also occurs in headers such as X-Virus-Scanned.
    p('virus detected', MISC),
    p('virus found', MISC),
    p('virus was found', MISC),
    p('found a virus', MISC),
    p('contains a virus', MISC),
    p('contained a virus', MISC),
    p('infected with', MISC),
    p('virus infected', MISC),
    p('virus-infected', MISC),
    p('malware detected', MISC),
    p('contains malware', MISC),
    p('message contains malicious', MISC),
    p('mcspamsignature', 'observed in Mimecast notices'),
    p('dangerous attachment', MISC),
    p('executable attachment', MISC),
    p('vírus', 'observed in Portuguese notices'),
    p('вирус', 'observed in Russian notices'),
    p('ウイルス', 'observed in Japanese notices'),
    p('病毒', 'observed in Chinese notices'),
  ],
};

export const NOT_COMPLIANT_RFC: PhraseTable = {
  reason: 'notcompliantrfc',
  phrases: [
    p('not rfc 5322 compliant', GOOGLE),
    p('rfc 5322', 'RFC 5322'),
    p('rfc5322', 'RFC 5322'),
    p('rfc 2822', 'RFC 2822'),
    p('multiple addresses in from', GOOGLE),
    p('multiple subject', GOOGLE),
    p('duplicate header', MISC),
    p('missing date header', MISC),
    p('missing message-id', MISC),
    p('malformed header', MISC),
    p('invalid header', MISC),
    p('bare lf', 'RFC 5321 section 2.3.8'),
    p('bare <lf>', 'RFC 5321 section 2.3.8'),
  ],
};

export const MESG_TOO_BIG: PhraseTable = {
  reason: 'mesgtoobig',
  phrases: [
    p('message too big', 'RFC 3463 X.3.4'),
    p('message too large', MISC),
    p('message is too large', MISC),
    p('message is too big', MISC),
    p('message size exceeds', MISC),
    p('message exceeds', MISC),
    p('size limit', MISC),
    p('exceeds size limit', MISC),
    p('line limit exceeded', MISC),
    p('line too long', 'RFC 5321 section 4.5.3.1.6'),
    p('mail size', MISC),
    p('too large', MISC),
    p('nachricht ist zu groß', 'observed in German notices'),
    p('message trop volumineux', 'observed in French notices'),
    p('mensaje demasiado grande', 'observed in Spanish notices'),
    p('слишком большой', 'observed in Russian notices'),
  ],
};

export const EXCEED_LIMIT: PhraseTable = {
  reason: 'exceedlimit',
  phrases: [
    p('exceeds fixed maximum message size', 'observed in Sendmail notices'),
    p('message length exceeds administrative limit', 'RFC 3463 X.2.3'),
    p('exceeds administrative limit', 'RFC 3463 X.2.3'),
  ],
};

export const CONTENT_ERROR: PhraseTable = {
  reason: 'contenterror',
  phrases: [
    p('headers too large', MISC),
    p('media error', 'RFC 3463 X.6.0'),
    p('media not supported', 'RFC 3463 X.6.1'),
    p('conversion failed', 'RFC 3463 X.6.5'),
    p('conversion required', 'RFC 3463 X.6.2/X.6.3'),
    p('8-bit content', MISC),
    p('8bit data', MISC),
    p('invalid mime', MISC),
  ],
};
