// Phrases of passing troubles: rates, time-outs, network and server faults, and the notices of a
// delivery that gave up after retrying.

import { GOOGLE, MISC, POSTFIX } from './sources.js';
import { type PhraseTable, p } from './types.js';

const QMAIL = 'observed in qmail notices';

/**
 * Greylisting (RFC 6647): the receiver turns away the first attempt from a sender it has not seen
 * with a 4xx reply and accepts the same message when the sending server retries a few minutes
 * later. Nothing is wrong and nobody has to act. The reason stays Sisimai's for a 4.7.1 refusal
 * ("blocked"); the category says what it is for a person, and the advice is its own.
 */
export const GREYLISTED: PhraseTable = {
  reason: 'blocked',
  category: 'temporary',
  party: 'none',
  code: 'greylisted',
  phrases: [
    p('greylist', 'RFC 6647 (greylisting); Postgrey: "Greylisted, see https://postgrey.schweikert.ch/"'),
    p('graylist', 'RFC 6647 (greylisting), American spelling'),
    p('grey-list', 'RFC 6647 (greylisting)'),
    p('gray-list', 'RFC 6647 (greylisting)'),
  ],
};

export const SPEEDING: PhraseTable = {
  reason: 'speeding',
  phrases: [
    p('receiving mail at a rate that', GOOGLE),
    p('rate limited', MISC),
    p('rate limit', MISC),
    p('ratelimit', MISC),
    p('sending too fast', MISC),
    p('too many messages', MISC),
    p('too many emails', MISC),
    p('message rate', MISC),
    p('unusual rate', GOOGLE),
    p(
      'temporarily deferred due to unexpected volume',
      'Yahoo error codes: https://senders.yahooinc.com/smtp-error-codes',
    ),
    p('throttl', MISC),
    p('please slow down', MISC),
  ],
};

export const TOO_MANY_CONN: PhraseTable = {
  reason: 'toomanyconn',
  phrases: [
    p('too many connections', MISC),
    p('too many concurrent', MISC),
    p('too many simultaneous', MISC),
    p('connection rate limit', POSTFIX),
    p('too many recipients', 'RFC 3463 X.5.3'),
    p('too many smtp sessions', MISC),
  ],
};

export const EXPIRED: PhraseTable = {
  reason: 'expired',
  phrases: [
    p('message expired', MISC),
    p('queue.expired', 'observed in Exchange notices'),
    p('retry timeout exceeded', 'observed in Exim notices'),
    p('retry time not reached', 'observed in Exim notices'),
    p('delivery time expired', 'RFC 3463 X.4.7'),
    p('envelope expired', 'observed in OpenSMTPD notices'),
    p('could not be delivered within', MISC),
    p('has not been delivered for', MISC),
    p('unable to deliver in', MISC),
    p('too long in queue', MISC),
    p('was not delivered after', MISC),
    p(
      'was aborted after',
      'observed in notices of several MTAs ("Delivery ... was aborted after 5.0 hour(s)")',
    ),
    p('host not reachable', 'observed in Zoho notices'),
    // A connection that kept timing out until the notice was written: the delivery gave up.
    p('connection timed out', 'observed in Postfix and Sendmail notices'),
    p('timed out', MISC),
    p('did not accept our requests to connect', 'observed in Gmail notices'),
    p('delivery attempts will continue', 'RFC 3464 delayed notices'),
    p('not been able to deliver', MISC),
    p('delivery expired', MISC),
    p('after multiple retries', MISC),
    p('have been failing for a long time', 'observed in Exim notices'),
    p('server did not respond', MISC),
    p('within the allowed queue period', MISC),
    p('could not be delivered for more than', MISC),
    p(['could not be delivered for', ' days'], MISC),
  ],
};

/**
 * A mail loop: servers handed the message round until a hop limit stopped it (RFC 5321 6.3 "Loop
 * Detection", RFC 3463 X.4.6 "Routing loop detected"). Sisimai's reason (networkerror) is kept;
 * what a person must know differs: a forwarding rule, alias or MX record of the receiving side
 * sends mail back, and nothing passes until someone fixes it.
 */
export const MAIL_LOOP: PhraseTable = {
  reason: 'networkerror',
  category: 'recipient-domain',
  party: 'recipient',
  code: 'mail-loop',
  phrases: [
    p('too many hops', MISC),
    p('hop count exceeded', 'observed in Exchange notices (5.4.14)'),
    p('routing loop', 'RFC 3463 X.4.6'),
    p('mail loops back', POSTFIX),
    p('mail forwarding loop', POSTFIX),
    p('forwarding loop count exceeded', MISC),
    p('message looping', MISC),
    p('possible mail loop', 'observed in Exchange notices (5.4.14)'),
  ],
};

export const NETWORK_ERROR: PhraseTable = {
  reason: 'networkerror',
  phrases: [
    p('connection refused', MISC),
    p('connection reset', MISC),
    p('no route to host', MISC),
    p('network is unreachable', MISC),
    p("wasn't able to establish an smtp connection", QMAIL),
    p('unable to connect', MISC),
    p('could not connect', MISC),
    p('lost connection', POSTFIX),
    p('name service error', POSTFIX),
    p('malformed or unexpected name server reply', POSTFIX),
    p('dns query failed', MISC),
    p('unable to route', 'RFC 3463 X.4.4'),
    p('network error', 'observed in OpenSMTPD notices'),
    p('bad connection', 'RFC 3463 X.4.2'),
    p('host is unreachable', MISC),
    p('malformed name server reply', POSTFIX),
    p('unable to resolve route', MISC),
    p('unrouteable mail domain', 'observed in Exim notices'),
    p(
      'dns records for the destination computer could not be found',
      'observed in Microsoft Exchange notices',
    ),
  ],
};

export const DNS_ERROR: PhraseTable = {
  reason: 'networkerror',
  phrases: [
    p('dns error', 'observed in Gmail notices ("DNS Error: ... DNS type \'mx\' lookup of ...")'),
    p('dns lookup error', MISC),
    p('dns query failed', 'observed in Exchange Online notices (5.4.312)'),
    p('temporary dns failure', MISC),
    // The resolver's TRY_AGAIN answer, as Postfix words it: a lookup that may succeed later.
    p('host not found, try again', POSTFIX),
    p('dns temporary failure', MISC),
    // Sendmail's resolver failure ("Deferred: Name server: example.org.: host name lookup failure").
    p('host name lookup failure', 'observed in Sendmail notices'),
  ],
};

export const SYSTEM_FULL: PhraseTable = {
  reason: 'systemfull',
  phrases: [
    p('mail system full', 'RFC 3463 X.3.1'),
    p('insufficient system storage', 'RFC 5321 section 4.2.3 (452)'),
    p('system storage', MISC),
  ],
};

export const SYSTEM_ERROR: PhraseTable = {
  reason: 'systemerror',
  phrases: [
    p('internal system error', MISC),
    p('system error', MISC),
    p('internal error', MISC),
    p('server error', MISC),
    p('queue file write error', POSTFIX),
    p('service currently unavailable', MISC),
    p('service unavailable', 'RFC 5321 section 4.2.3 (421/554)'),
    p('service not available', 'RFC 5321 section 4.2.3 (421)'),
    p('temporarily unavailable', MISC),
    p('local error', 'RFC 5321 section 4.2.3 (451 "local error in processing")'),
    p('unable to contact ldap', QMAIL),
    p('directory server failure', 'RFC 3463 X.4.3'),
    p('could not load drd', MISC),
    p('transaction failed', 'RFC 5321 section 4.2.3 (554)'),
    p('incorrectly configured', 'RFC 3463 X.3.5'),
    p('mail system problem', 'RFC 3463 X.3.0'),
    p('configuration error', MISC),
    p('system config error', MISC),
    p('misconfigured', MISC),
    p("can't create user output file", 'observed in Sendmail notices'),
    p('interrupted system call', MISC),
    p('encountered an error while being processed', MISC),
    p('would create a mail loop', MISC),
    p('loop was found in the mail exchanger', MISC),
    p('temporary local problem', MISC),
    p('timeout waiting for input', MISC),
  ],
};

export const MAILER_ERROR: PhraseTable = {
  reason: 'mailererror',
  phrases: [
    p('mailer error', MISC),
    p('procmail', 'observed in Postfix local delivery notices'),
    p('command died with status', POSTFIX),
    p('command output', POSTFIX),
    p('local delivery failed', MISC),
    p('x-unix;', 'RFC 3464 diagnostic type of a local program'),
  ],
};

/**
 * A local delivery program's own complaint (RFC 3464 diagnostic type "x-unix"): whatever words it
 * uses ("procmail: ... No such user" is procmail failing to find a local account id), the mail
 * server's delivery agent failed, not the address. A full mailbox said this way stays a full
 * mailbox (MAILBOX_FULL is tried first).
 */
export const LOCAL_MAILER: PhraseTable = {
  reason: 'mailererror',
  phrases: [p('procmail:', 'observed in Postfix notices (procmail as the local delivery agent)')],
};

/** Sendmail's EX_OSERR text, which would otherwise read as the server's "system error". */
export const OS_ERROR: PhraseTable = {
  reason: 'mailererror',
  phrases: [p('operating system error', 'observed in Sendmail notices (EX_OSERR)')],
};

export const SYNTAX_ERROR: PhraseTable = {
  reason: 'syntaxerror',
  phrases: [
    p('syntax error', 'RFC 5321 section 4.2.3 (500/501)'),
    p('command unrecognized', 'RFC 5321 section 4.2.3 (500)'),
    p('command not implemented', 'RFC 5321 section 4.2.3 (502)'),
    p('parameter not implemented', 'RFC 5321 section 4.2.3 (504)'),
    p('bad sequence of commands', 'RFC 5321 section 4.2.3 (503)'),
    p('invalid command', 'RFC 3463 X.5.1'),
  ],
};

export const ON_HOLD: PhraseTable = {
  reason: 'onhold',
  phrases: [
    p('on hold', MISC),
    p('recipient error. please try again later', 'observed in Gmail notices'),
    p('temporary failure', MISC),
  ],
};
