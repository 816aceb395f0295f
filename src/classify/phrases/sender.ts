// Phrases that put the fault at the sender's side: authentication, the sending host's name and
// reputation, the sender address, relaying and policy.

import { DE, ES, FR, GOOGLE, IT, JA, MISC, POSTFIX, PT, RU, ZH } from './sources.js';
import { type PhraseTable, p } from './types.js';

export const AUTH_FAILURE: PhraseTable = {
  reason: 'authfailure',
  phrases: [
    p('dmarc policy', "RFC 7489 (receivers citing the domain owner's DMARC policy)"),
    p('dmarc check failed', 'observed in Tencent notices'),
    // the From domain and the DKIM signer's domain differ: DMARC's DKIM alignment (RFC 7489 3.1.1)
    p('does not match dkim domain', MISC),
    p(
      'the required authentication level',
      'Outlook.com 5.7.515 ("sending domain ... doesn\'t meet the required authentication level"), Microsoft\'s requirements for high-volume senders announced in April 2025',
    ),
    p(
      'dmarc verification',
      'Microsoft 5.7.509: https://learn.microsoft.com/exchange/troubleshoot/email-delivery/send-receive-emails-socmail',
    ),
    p('dmarc processing failure', MISC),
    p('failed dmarc', MISC),
    p('fails dmarc', MISC),
    p('dmarc failure', MISC),
    p('dmarc reject', MISC),
    p('dmarc authentication', MISC),
    p('evaluating dmarc', MISC),
    p('dmarcrejection', GOOGLE),
    p('unauthenticated email', GOOGLE),
    p('sender is unauthenticated', GOOGLE),
    p('not pass authentication', MISC),
    p('does not have authentication information', GOOGLE),
    p('fails to pass authentication', GOOGLE),
    p('authentication checks', 'RFC 7372 X.7.26'),
    p('spf check failed', MISC),
    p('spf validation', 'RFC 7372 X.7.23'),
    p('spf fail', MISC),
    p('spf record with a hard fail', GOOGLE),
    p(['not allowed to send from', 'spf'], 'GoDaddy/Office 365 notices'),
    p('not designated as permitted sender', 'RFC 7208'),
    p('is not permitted by', 'RFC 7208 receivers ("... is not permitted by domain of ...")'),
    p('sender policy framework', 'RFC 7208'),
    p('dkim signature', 'RFC 7372 X.7.20-22'),
    p('dkim check failed', MISC),
    p('dkim verification failed', MISC),
    p('no valid author-matched dkim', 'RFC 7372 X.7.22'),
    p('multiple authentication checks failed', 'RFC 7372 X.7.26'),
    p('arc validation', 'RFC 8617 X.7.29'),
    p('политики dmarc', 'mail.ru postmaster: https://help.mail.ru/mail-help/postmaster/dmarc (Russian)'),
    p('политикой dmarc', 'mail.ru postmaster (Russian)'),
    p('dmarc策略', 'observed in Chinese notices'),
  ],
};

export const REQUIRE_PTR: PhraseTable = {
  reason: 'requireptr',
  phrases: [
    p('reverse dns', MISC),
    p('reverse lookup', MISC),
    p('ptr record', MISC),
    p('dns ptr', MISC),
    p('no ptr', MISC),
    p('invalid rdns', MISC),
    p('rdns', MISC),
    p('cannot find your hostname', POSTFIX),
    p('cannot find your reverse hostname', POSTFIX),
    p('client host rejected: cannot find your hostname', POSTFIX),
    p('unverifyable sending ip', 'observed in Exim notices'),
    p('mismatches client ip', 'observed in Outlook.com notices'),
    p('valid sender domain', 'observed in Exim notices ("without a valid sender domain. Fix reverse DNS")'),
    p('ip name lookup failed', MISC),
    p('hostname lookup failed', MISC),
    p('reverse dns validation failed', 'RFC 7372 X.7.25'),
  ],
};

export const REJECTED: PhraseTable = {
  reason: 'rejected',
  phrases: [
    p('sender address rejected', POSTFIX),
    p('sender rejected', MISC),
    p('sender was rejected', 'observed in qmail notices'),
    p('sender denied', MISC),
    p('sender not allowed', MISC),
    p('sender unknown', MISC),
    p('sender verify failed', 'observed in Exim notices'),
    p('sender verification failed', MISC),
    p('unroutable sender address', 'observed in Exim notices'),
    p('domain of sender address', 'observed in Sendmail notices'),
    p('sender domain must exist', POSTFIX),
    p('sender address domain', MISC),
    p("bad sender's", 'RFC 3463 X.1.7/X.1.8'),
    p('invalid sender', MISC),
    p(
      'address that has been blacklisted',
      'observed in Exim notices ("sending to/from an address that has been blacklisted")',
    ),
    p('from address rejected', MISC),
    p('sender email address rejected', MISC),
    p('sender blacklisted', MISC),
    p('sender address has been blacklisted', MISC),
    p('your email address has been blacklisted', 'observed in MessageLabs notices'),
    p('sender is in my black list', MISC),
    p('sender is spammer', MISC),
    p('sender not pre-approved', MISC),
    p('sender domain is empty', MISC),
    p('mail from not owned by user', MISC),
    p('fully qualified email address required', MISC),
    p('emetteur invalide', 'observed in French notices'),
    // the sender's domain: "Absenderdomain existiert nicht" is not the recipient's domain
    p('absenderdomain', DE),
    p('not a registered gateway user', MISC),
    p('senderfilterconfig', 'observed in Microsoft Exchange notices (sender filter)'),
    p("isn't on the recipient's list of senders", 'observed in Microsoft Exchange notices'),
    p('access to submit messages to this e-mail system has been rejected', MISC),
    p('not allowed to post to this mailing list', 'observed in mailing list notices'),
    // A bounce (null sender) refused: backscatter protection and BATV (bounce address tag
    // validation) refuse bounces for addresses they did not send from.
    p('batv', 'BATV (draft-levine-smtp-batv)'),
    p('backscatter protection', MISC),
    p('bogus mail from', 'observed in IMail Server notices'),
    p('empty envelope senders not allowed', MISC),
    p('null sender is not allowed', MISC),
    p('no third-party dsns', MISC),
    p('unsigned dsn', MISC),
    p('returned mail not accepted here', MISC),
    // Exchange Online refusing the whole message for its sender ("550 5.4.1 All recipient
    // addresses rejected : Access denied"), unlike the per-recipient "Recipient address rejected:
    // Access denied" of directory-based edge blocking.
    p('all recipient addresses rejected : access denied', 'observed in Exchange Online notices'),
    p('domain is invalid. please provide a valid from', MISC),
    p('purported responsible address', 'observed in Courier notices (Sender ID)'),
    p('customfromdenied', GOOGLE),
    p('may not have permission to post messages to the group', 'observed in Google Groups notices'),
    p('group you tried to contact', 'observed in Google Groups notices'),
    p('die gruppe, die sie kontaktieren möchten', 'observed in Google Groups notices (German)'),
    p('not a member of this mailing list', 'observed in fml mailing list notices'),
    p('you are not a member of', 'observed in mailing list notices'),
    p('skupina, kterou se pokoušíte kontaktovat', 'observed in Google Groups notices (Czech)'),
    p('el grupo con el que has intentado ponerte en contacto', 'observed in Google Groups notices (Spanish)'),
    p('le groupe que vous avez essayé de contacter', 'observed in Google Groups notices (French)'),
    p('您試圖聯絡的', 'observed in Google Groups notices (Chinese)'),
  ],
};

export const NO_RELAYING: PhraseTable = {
  reason: 'norelaying',
  phrases: [
    p('relay access denied', POSTFIX),
    p('relaying denied', MISC),
    p('relay denied', MISC),
    p('relay not permitted', MISC),
    p('relaying not permitted', MISC),
    p('relay not allowed', MISC),
    p('relaying not allowed', MISC),
    p('not configured to relay', MISC),
    p('insecure mail relay', 'observed in Sendmail notices'),
    p('unable to relay', MISC),
    p('we do not relay', MISC),
    p('no relaying', MISC),
    p('not permitted to relay', MISC),
    p('not allowed to relay', MISC),
    p('as a relay', MISC),
    p('not an open relay', MISC),
    p('not a gateway', MISC),
    p("we don't handle mail for", MISC),
    p(
      "isn't in my list of allowed rcpthosts",
      'observed in qmail notices (rcpthosts: the domain is not served here)',
    ),
    p(
      'email address is not verified',
      'Amazon SES: https://docs.aws.amazon.com/ses/latest/dg/verify-addresses-and-domains.html',
    ),
    p('relaying nicht erlaubt', DE),
    p('relay nicht erlaubt', DE),
    p('relaying verweigert', DE),
    p('relay verweigert', DE),
    p('relaying nicht gestattet', DE),
    p('relais interdit', FR),
    p('relais non autorisé', FR),
    p('relais refusé', FR),
    p('relayage refusé', FR),
    p('relayage interdit', FR),
    p('relay no permitido', ES),
    p('relaying no permitido', ES),
    p('relay denegado', ES),
    p('retransmisión denegada', ES),
    p('relay não permitido', PT),
    p('relay negado', PT),
    p('relay non consentito', IT),
    p('relaying non consentito', IT),
    p('relay non permesso', IT),
    p('relaying non permesso', IT),
    p('ретрансляция запрещена', RU),
    p('релей запрещен', RU),
    p('релей запрещён', RU),
    p('リレーは許可', JA),
    p('リレーを拒否', JA),
    p('リレー拒否', JA),
    p('不允许中继', ZH),
    p('拒绝中继', ZH),
    p('禁止中继', ZH),
  ],
};

export const BAD_REPUTATION: PhraseTable = {
  reason: 'badreputation',
  phrases: [
    p('ip reputation', MISC),
    p('low reputation', GOOGLE),
    p('poor reputation', MISC),
    p('bad reputation', MISC),
    p('sender reputation', MISC),
    p('reputation of the sending', GOOGLE),
    p('domain reputation', MISC),
  ],
};

/**
 * A server that takes no mail from the sending host or domain ("does not accept mail from your
 * IP", "not accepting mail from example.net"): a block of the sender. Tried before NOT_ACCEPT,
 * whose "does not accept mail" (a domain without mail service: RFC 7505, X.3.2) these words also
 * hold, and after REFUSES_SENDER (a recipient's own filter).
 */
export const NOT_ACCEPTED_FROM: PhraseTable = {
  reason: 'blocked',
  phrases: [
    p('not accept mail from', MISC),
    p('not accept email from', MISC),
    p('not accept messages from', MISC),
    p('not accepting mail from', MISC),
    p('not accepting email from', MISC),
    p('not accepting messages from', MISC),
  ],
};

export const BLOCKED: PhraseTable = {
  reason: 'blocked',
  phrases: [
    p('blocked using', POSTFIX),
    p('blacklisted', MISC),
    p('blocklisted', MISC),
    p('listed in', 'observed in DNSBL rejections'),
    p('listed at', 'observed in DNSBL rejections'),
    p('spamhaus', 'https://www.spamhaus.org/'),
    p('spamcop', 'https://www.spamcop.net/'),
    p('dnsbl', 'observed in DNSBL rejections'),
    p(' rbl', 'observed in DNSBL rejections'),
    p('sorbs', 'observed in DNSBL rejections'),
    p('barracudacentral', 'observed in DNSBL rejections'),
    p('client host rejected', POSTFIX),
    p('client host blocked', 'Orange/FrancePTT error codes'),
    p('client blocked', MISC),
    p('host blocked', MISC),
    p('ip blocked', MISC),
    p('ip address blocked', MISC),
    p('your ip', MISC),
    p(
      'banned sending ip',
      'Microsoft: https://learn.microsoft.com/microsoft-365/security/office-365-security/external-senders-use-the-delist-portal-to-unblock-yourself',
    ),
    p('blocked for abuse', MISC),
    p('connection rejected', MISC),
    p('not accepting connections', MISC),
    p('dynamic ip', MISC),
    p('dynamic address', MISC),
    p('residential ip', MISC),
    p('dial-up', MISC),
    p('dialup', MISC),
    p('smtp server of your isp', 'observed in Japanese ISP notices'),
    p('open relay', MISC),
    p('invalid ip for sending mail', 'observed in Yahoo Japan notices'),
    p('too many bad', MISC),
    p('sending ip', MISC),
    p('service refuse', 'Orange/FrancePTT error codes (French)'),
    p('adresse ip source bloquee', 'Orange/FrancePTT error codes (French)'),
    p('daily relay quota', MISC),
    p('redundant. you cannot send e-mail to yourself', 'observed in Sendmail notices'),
    p('заблокирован ip', 'observed in Russian notices'),
    p('ip-адрес заблокирован', RU),
    p('ip адрес заблокирован', RU),
    p('ip заблокирован', RU),
    p('helo command rejected', POSTFIX),
    p('bad sender ip address', MISC),
    p('sender ip address rejected', MISC),
    p('bad ip profile', MISC),
    p('is in a black list', MISC),
    p('on our block list', MISC),
    p('multi-blacklist', MISC),
    p('rejecting open proxy', 'observed in Sendmail notices'),
    p('looks suspiciously like spammer', MISC),
    p('unwanted messages have been sent from the following ip', MISC),
    p('you are not allowed to connect', MISC),
    p('no access from mail server', MISC),
    p('confirm this mail server', MISC),
    p('your server requires confirmation', MISC),
    p('you are sending spam', MISC),
    p('currently sending spam', MISC),
  ],
};

/**
 * Words that say "refused" without saying what was judged. Said at MAIL FROM they are about the
 * sender's address (classify/index.ts reads them as "rejected" there); elsewhere, about the
 * sending host.
 */
export const BLOCKED_GENERIC: PhraseTable = {
  reason: 'blocked',
  phrases: [
    p('blocked by', MISC),
    p('has been blocked', MISC),
    p('is blocked', MISC),
    p('access denied', MISC),
    p('blocked', MISC),
    p('blockiert', 'observed in German notices'),
    p('bloqueado', 'observed in Spanish/Portuguese notices'),
    p('bloccato', 'observed in Italian notices'),
    p('заблокирован', 'observed in Russian notices'),
  ],
};

export const POLICY_VIOLATION: PhraseTable = {
  reason: 'policyviolation',
  phrases: [
    p('policy violation', MISC),
    p('policy reasons', MISC),
    p('for policy reasons', MISC),
    p('denied by policy', MISC),
    p('rejected by policy', MISC),
    p('local policy', MISC),
    p('violates our', MISC),
    p('security policies', 'observed in Mimecast notices'),
    p('network not allowed', 'Mimecast: https://community.mimecast.com/docs/DOC-1369'),
    p('header error', MISC),
  ],
};

export const SECURITY_ERROR: PhraseTable = {
  reason: 'securityerror',
  phrases: [
    p('authentication required', 'RFC 4954 530 5.7.0'),
    p('authentication is required', 'RFC 4954'),
    p('authrequired', 'observed in Exchange notices (RESOLVER.RST.AuthRequired)'),
    p('unauthenticated senders not allowed', MISC),
    p('sender is not authenticated', MISC),
    p('must be authenticated', MISC),
    p('authentication credentials invalid', 'RFC 4954 X.7.8'),
    p('authentication failed', MISC),
    p('authentication failure', MISC),
    p('authentication turned on in your email client', MISC),
    p('not subscribed to ses', 'Amazon SES notices'),
    p('delivery not authorized', 'RFC 3463 X.7.1'),
    p('not authorized to send', MISC),
    p('submission requires', MISC),
  ],
};

export const FAILED_STARTTLS: PhraseTable = {
  reason: 'failedstarttls',
  phrases: [
    p('starttls', 'RFC 3207'),
    p('tls required', 'RFC 3207'),
    p('must issue a starttls', 'RFC 3207 530 5.7.0'),
    p('requiretls', 'RFC 8689'),
    p('encryption needed', 'RFC 5248 X.7.10'),
    p('tls handshake', MISC),
  ],
};

/**
 * The sending server's own TLS policy for the destination, unmet by the receiving server: the
 * sending MTA was told to deliver only over TLS (Postfix smtp_tls_security_level = encrypt,
 * verify, secure or dane; an MTA-STS policy in enforce mode, RFC 8461 section 5; DANE TLSA
 * records, RFC 7672 section 2.2) and the receiver offered no STARTTLS, presented a certificate
 * that did not verify, or its domain's TLSA or MTA-STS policy could not be used. The sending MTA
 * writes these words itself, about the receiver; the receiver refused nothing. Usually the
 * recipient's mail administrator must act (their STARTTLS, certificate, TLSA or MTA-STS record);
 * otherwise the sender's own policy is stricter than the receiver supports. Not a question of the
 * sender domain's SPF, DKIM or DMARC. Tried before the tables that such words could also meet.
 */
export const TLS_POLICY: PhraseTable = {
  reason: 'failedstarttls',
  // the recipient domain's mail servers, as for Exchange Online's own DANE/TLS codes
  // (providers/microsoft.ts, 4.7.321-325)
  category: 'recipient-domain',
  party: 'recipient',
  code: 'tls-policy',
  phrases: [
    // Postfix smtp(8): "TLS is required, but was not offered by host ...", "... but host ...
    // refused to start TLS: ...", "... but our TLS engine is unavailable"
    p('tls is required, but', POSTFIX),
    p('server certificate not verified', POSTFIX),
    p('server certificate not trusted', POSTFIX),
    p('cannot start tls', POSTFIX),
    p('tlsa lookup error', 'Postfix notices; DANE TLSA records, RFC 7672'),
    p('no usable tlsa', 'DANE TLSA records, RFC 7672 section 2.2'),
    // Exim: "a TLS session is required, but the server did not offer TLS support" / "... but an
    // attempt to start TLS failed"
    p('tls session is required', 'observed in Exim notices'),
    p('mta-sts', 'RFC 8461 (SMTP MTA Strict Transport Security)'),
  ],
};
