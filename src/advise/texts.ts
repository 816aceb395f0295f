// Advice texts as data: one per reason, a few per provider code. Written for bouncedoc, checked
// against the RFCs they cite:
// - RFC 5321 section 4.2.1: a 4yz reply is transient - the sending server keeps the message and
//   tries again; section 4.5.4.1 suggests retrying for at least 4-5 days before giving up.
// - RFC 3463: class 5 is permanent - the same message to the same address will fail again.
// - RFC 3464: a report with Action "failed" is final: the sending server has given up, and its
//   retries came before the report, not after it; "delayed" means it is still trying.
// - RFC 7505: a null MX says the domain accepts no mail at all.
// - RFC 7208 (SPF), RFC 6376 (DKIM), RFC 7489 (DMARC): authentication is fixed in the sender's DNS
//   and sending setup, never in the recipient's.
// A step about one of the subjects a diagnosed root cause can rule out carries its topic
// (StepTopic in src/types.ts): the diagnosis selects by the topic, never by the words.
import type { Reason, StepTopic } from '../types.js';

/** One step: its words alone, or its words and what it is about. */
export type AdviceStep = string | { topic: StepTopic; text: string };

export interface AdviceText {
  summary: string;
  steps: AdviceStep[];
  /** when set, overrides the retry advice that follows from the bounce type */
  retry?: { advised: boolean; when: string };
  /**
   * In a final bounce (the sending server has given up): the words that differ from the others,
   * where those speak of the sending server retrying by itself.
   */
  final?: { summary?: string; steps?: AdviceStep[] };
  /**
   * In a delay notice (RFC 3464 Action: delayed, the sending server is still trying): the words
   * that differ from the others, where those speak of a delivery that has ended.
   */
  delayed?: { summary?: string; steps?: AdviceStep[]; retry?: { advised: boolean; when: string } };
  /**
   * For a cause that is usually lasting, given in a transient (4xx) reply: the words that differ,
   * where the others speak of a lasting state (RFC 3463 X.2.1, a mailbox disabled "permanently or
   * only temporarily", says which by the reply's class).
   */
  transient?: { summary?: string; steps?: AdviceStep[]; retry?: { advised: boolean; when: string } };
}

/** Retry advice by bounce type (used unless a text gives its own). */
export const RETRY_BY_TYPE = {
  soft: {
    advised: true,
    when: 'No action needed now: the sending server retries by itself, usually for 4-5 days (RFC 5321 section 4.5.4.1); if it finally gives up, send again later.',
  },
  hard: {
    advised: false,
    when: 'Never to this address: it will fail again. Remove it from your lists.',
  },
  block: {
    advised: false,
    when: 'Only after the cause is fixed; sending the same message unchanged will be refused again. Keep the address.',
  },
} as const;

/** Retry advice in a final bounce (RFC 3464 Action: failed): the sending server has stopped trying. */
export const RETRY_FINAL = {
  /** a passing cause: sending again later can succeed */
  soft: {
    advised: true,
    when: 'Later, by you: the sending server has stopped trying (this is the final bounce) and retries nothing by itself; send the message again once the cause is gone.',
  },
  /** a cause that lasts until someone fixes it, refused with a temporary code until the server gave up */
  lasting: {
    advised: false,
    when: 'Only after the cause is fixed: the sending server has stopped trying (this is the final bounce). Keep the address and send again then.',
  },
} as const;

/** The step added in a final bounce whose cause is usually lasting but came with a 4xx code. */
export const FINAL_TEMPORARY_STEP =
  'The server answered with a temporary (4xx) code, the sending server retried until it gave up: fix the cause, then send the message again.';

/** The step added, before the delivery has ended, for a usually lasting cause that came with a 4xx code. */
export const TEMPORARY_LASTING_STEP =
  'The server answered with a temporary (4xx) code: if the cause is fixed while it retries, the message still gets through.';

// Tagged steps that several texts share (each written once, so that its topic is given once).
const RUN_CHECK_FROM_DOMAIN: AdviceStep = {
  topic: 'run-check',
  text: 'Run `bouncedoc check <From domain>`, fix what it reports, then send again.',
};
const GMAIL_AUTHENTICATE: AdviceStep = {
  topic: 'authentication',
  text: "Authenticate with SPF, DKIM and DMARC, watch Google Postmaster Tools, and follow Google's bulk sender guidelines.",
};
const YAHOO_AUTHENTICATE: AdviceStep = {
  topic: 'authentication',
  text: 'Make sure SPF, DKIM and DMARC pass; Yahoo also uses TSS04 for poorly authenticated domains.',
};

export const ADVICE_BY_REASON: Record<Reason, AdviceText> = {
  userunknown: {
    summary: "The recipient's address does not exist",
    steps: [
      'Check the address for typing mistakes (the part before and after the @).',
      'If it is wrong, correct it and send again; if it is right, ask the recipient for a current address by another channel.',
      'Remove or suppress the address in your mailing lists so you do not keep sending to it.',
    ],
  },
  hostunknown: {
    summary: "The recipient's domain does not exist or cannot receive mail",
    steps: [
      'Check the domain after the @ for typing mistakes (e.g. gmial.com, example.con).',
      'If the domain is right, the recipient must fix its DNS (MX or A records), or use another address.',
      'Suppress the address until a corrected one is known.',
    ],
  },
  notaccept: {
    summary: "The recipient's domain does not accept e-mail",
    steps: [
      'The domain publishes a null MX (RFC 7505) or refuses all mail: no address there can receive e-mail.',
      'Ask the recipient for an address on another domain, and suppress this one.',
    ],
  },
  hasmoved: {
    summary: 'The recipient has moved and the old address no longer receives mail',
    steps: [
      'Look in the bounce text for a new address; if there is none, ask the recipient for it.',
      'Update your records and suppress the old address.',
    ],
  },
  suspend: {
    summary: "The recipient's mailbox is disabled or suspended",
    steps: [
      'The account exists but is switched off (unused for long, unpaid, or closed).',
      'Reach the recipient another way; suppress the address until they confirm it works again.',
    ],
    retry: {
      advised: false,
      when: 'Not while the mailbox is disabled: suppress the address, and send again only once the recipient confirms it works again.',
    },
    transient: {
      summary: "The recipient's mailbox is not accepting mail for now (a temporary refusal)",
      steps: [
        'The receiving server asks to try again later (the mailbox is paused, or takes mail too fast): keep the address.',
        'If the sending server finally gives up, send again later or reach the recipient another way.',
      ],
      retry: {
        advised: true,
        when: 'No action needed now: the sending server retries by itself (RFC 5321 section 4.5.4.1).',
      },
    },
  },
  suppressed: {
    summary: 'The address is on a suppression list and was not tried',
    steps: [
      'The sending service refused to send because the address bounced hard or complained before.',
      'Remove it from the suppression list only if you have confirmed the address is valid again.',
    ],
    retry: {
      advised: false,
      when: 'Not while it is on the suppression list: the sending service refuses it without trying.',
    },
  },
  mailboxfull: {
    summary: "The recipient's mailbox is full",
    steps: [
      'Nothing is wrong on your side: the recipient must free up space.',
      'Wait and send again later, or tell the recipient by another channel.',
      'If the mailbox stays full for weeks, treat the address as abandoned.',
    ],
    final: {
      steps: [
        'Nothing is wrong on your side: the recipient must free up space.',
        'The sending server has stopped trying: send the message again later, or tell the recipient by another channel.',
        'If the mailbox stays full for weeks, treat the address as abandoned.',
      ],
    },
  },
  filtered: {
    summary: "The recipient's mail settings refused this sender or message",
    steps: [
      'The address exists, but its owner (or the group, or a reception filter) refuses mail from you.',
      'Ask the recipient to allow your address or domain (safe-sender list, reception settings, group permissions).',
      'Do not remove the address; send again once it has been allowed.',
    ],
  },
  authfailure: {
    summary: "The message failed the sender's authentication checks (SPF, DKIM or DMARC)",
    steps: [
      {
        topic: 'spf',
        text: 'Check that the From domain publishes an SPF record listing the server that sent the message (RFC 7208).',
      },
      {
        topic: 'dkim',
        text: 'Sign outgoing mail with DKIM for the From domain, or for a domain under the same organizational domain (relaxed alignment), so that it aligns (RFC 6376, RFC 7489 section 3.1).',
      },
      {
        topic: 'free-mail-from',
        text: 'If the From address is on a domain you do not control (a free mail provider), send from an address on your own domain instead.',
      },
      {
        topic: 'run-check',
        text: 'Run `bouncedoc check <your domain>` to see the exact record to correct, then send again.',
      },
    ],
  },
  securityerror: {
    summary: 'The receiving server requires authentication or a security feature the sender did not provide',
    steps: [
      'If you send through this server, log in with SMTP authentication (RFC 4954) before sending.',
      'Otherwise check the sending software: it may need TLS or valid credentials.',
    ],
  },
  failedstarttls: {
    summary: 'The receiving server accepts mail only over an encrypted (TLS) connection, and none was set up',
    steps: [
      'The receiving server requires STARTTLS (RFC 3207) before it takes the message, and the sending server did not start TLS or the TLS handshake failed.',
      'Turn on STARTTLS for outgoing mail in the sending server or software (in Postfix: smtp_tls_security_level = may or higher), with current TLS versions, then send again.',
      'Do not remove the recipient: the address is fine.',
    ],
  },
  requireptr: {
    summary: "The sending server's IP address has no valid reverse DNS name",
    steps: [
      'Ask whoever runs the sending IP address (your hosting or ISP) to set a PTR record that names your mail server.',
      'Make the name resolve back to the same IP address (forward-confirmed reverse DNS), and use it in HELO/EHLO.',
      'Send again once the record is in place.',
    ],
  },
  blocked: {
    summary:
      'The receiving server refused mail from this sender (its IP address or domain is blocked or not allowed)',
    steps: [
      {
        topic: 'blocklist',
        text: "If the bounce names a block list (such as Spamhaus, Barracuda or SpamCop), look the sending IP address up on that list and follow its delisting steps; if it names none, the receiver's own filter refused the mail: ask its postmaster why, quoting the server's words.",
      },
      {
        topic: 'blocklist',
        text: 'Find and stop the cause first (a compromised account, a bad list, missing authentication).',
      },
      {
        topic: 'blocklist',
        text: 'If you use a hosting provider or ESP, ask them: the IP address is theirs.',
      },
      'Do not remove the recipient: the address is fine.',
    ],
  },
  badreputation: {
    summary: 'The receiving server distrusts the sending IP address or domain (poor reputation)',
    steps: [
      'Slow down sending to this provider and send only to people who asked for your mail.',
      {
        topic: 'authentication',
        text: 'Make sure SPF, DKIM and DMARC pass, and remove addresses that bounce or complain.',
      },
      "Check the provider's postmaster tools for your domain and IP address.",
    ],
  },
  rejected: {
    summary: "The receiving server refused the sender's address",
    steps: [
      'Check the envelope sender (Return-Path / MAIL FROM): it must be a real address on a domain that exists and has DNS records.',
      'Make sure the sender domain is not on a block list and that it is allowed to send to this recipient.',
    ],
  },
  norelaying: {
    summary: 'The receiving server refused to relay the message',
    steps: [
      'The server that was contacted does not handle mail for the recipient domain.',
      "If you send through your own provider's server, log in (SMTP authentication) before sending.",
      "Otherwise check the recipient domain's MX records: they may point to the wrong server.",
    ],
  },
  policyviolation: {
    summary: "The message broke the receiving server's policy",
    steps: [
      'Read the bounce text for the rule that was broken (content, headers, sender or volume).',
      'Correct the message or the sending practice, then send again.',
    ],
  },
  spamdetected: {
    summary: 'The message was judged to be spam',
    steps: [
      'Review the content: avoid link shorteners, large images with little text, misleading subjects and words typical of spam.',
      {
        topic: 'authentication',
        text: 'Make sure SPF, DKIM and DMARC pass and that recipients asked for the mail.',
      },
      'Send again after changing the message; do not remove the recipient.',
    ],
  },
  virusdetected: {
    summary: 'The message was refused because it looked like it carried malware',
    steps: [
      'Scan the attachments and links of the message; remove executable or macro-enabled files.',
      'Send the file through a sharing link instead, or as a safe format, and try again.',
    ],
  },
  contenterror: {
    summary: 'The receiving server could not accept the format of the message',
    steps: [
      'Check the message encoding and headers (size of the header block, MIME structure, 8-bit data).',
      'Send it again from a standard mail client or library.',
    ],
  },
  notcompliantrfc: {
    summary: 'The message is not a well-formed e-mail (RFC 5322)',
    steps: [
      'Fix the headers: exactly one Date and one From field, at most one Subject, To, Cc and Message-ID, and valid address syntax (RFC 5322 section 3.6).',
      'Send it again after the sending software is corrected.',
    ],
  },
  mesgtoobig: {
    summary: 'The message is too large for the receiving server',
    steps: [
      'Make the message smaller: compress or remove attachments, or share them through a link.',
      'Remember that attachments grow by about a third when encoded for e-mail.',
    ],
  },
  exceedlimit: {
    summary: "The message exceeds the recipient's size limit",
    steps: ['Send a smaller message (share large files through a link) and try again.'],
  },
  speeding: {
    summary: 'Too much mail was sent too fast: the receiving server is rate limiting',
    steps: [
      'No change is needed for this message: the sending server slows down and retries.',
      'Spread large sendings over time, and keep complaint and bounce rates low.',
    ],
    final: {
      steps: [
        'The receiving server refused mail that came too fast, and the sending server has stopped trying.',
        'Send this message again later, and spread large sendings over time; keep complaint and bounce rates low.',
      ],
    },
  },
  toomanyconn: {
    summary: 'Too many connections or recipients at once',
    steps: [
      'Lower the number of parallel connections and recipients per message towards this provider.',
      'The sending server retries the rest by itself.',
    ],
    final: {
      steps: [
        'Lower the number of parallel connections and recipients per message towards this provider.',
        'The sending server has stopped trying: send the refused messages again later.',
      ],
    },
  },
  expired: {
    summary: 'Delivery gave up after retrying for too long',
    steps: [
      "The sending server met only temporary failures for its whole retry period (no connection, or the recipient's server answering 'try later') and stopped trying.",
      'Check that the recipient domain and its mail servers work (MX records, connectivity).',
      'Send the message again later; if it keeps failing, contact the recipient another way.',
    ],
    retry: {
      advised: true,
      when: 'Later, once the recipient side is reachable again; the automatic retries are over.',
    },
    delayed: {
      summary: 'Delivery is delayed: the sending server has not got through yet and is still trying',
      steps: [
        'The sending server keeps the message in its queue and tries again by itself; the notice says for how long.',
        'Nothing to do yet: do not send the message again, or the recipient may get it twice.',
        "Watch for a second notice: a final bounce (Action: failed) means it gave up; then check the recipient domain's mail servers (MX records, connectivity) and send again later.",
      ],
      retry: RETRY_BY_TYPE.soft,
    },
  },
  networkerror: {
    summary: 'A network or DNS problem stopped delivery',
    steps: [
      'Usually passing: the sending server retries by itself.',
      "If it persists, check the recipient domain's DNS (MX) records and the sending server's connectivity.",
    ],
    final: {
      steps: [
        'The sending server could not get through (network or DNS trouble) and has stopped trying.',
        "Check the recipient domain's DNS (MX) records and the sending server's connectivity and DNS resolver.",
        'Send the message again once that works; if it keeps failing, contact the recipient another way.',
      ],
    },
  },
  systemerror: {
    summary: "The recipient's mail server had an internal error",
    steps: [
      'Nothing is wrong with your message: wait and let the sending server retry, or send again later.',
    ],
    final: {
      steps: [
        "Nothing is wrong with your message: the recipient's server failed, and the sending server has stopped trying.",
        'Send the message again later; if it fails the same way, tell the recipient by another channel.',
      ],
    },
  },
  systemfull: {
    summary: "The recipient's mail server is out of space",
    steps: ['Wait and send again later; the recipient side must free space.'],
    final: {
      steps: [
        'The sending server has stopped trying: send the message again later, once the recipient side has freed space.',
      ],
    },
  },
  mailererror: {
    summary: "The recipient's local delivery program failed",
    steps: [
      "The problem is on the recipient's server (a filter or delivery program). Tell the recipient or wait and retry.",
    ],
    final: {
      steps: [
        "The problem is on the recipient's server (a filter or delivery program), and the sending server has stopped trying.",
        'Tell the recipient by another channel; send the message again once their side is fixed.',
      ],
    },
  },
  syntaxerror: {
    summary: 'The sending software made an SMTP protocol error',
    steps: [
      'Check the sending software or library and its version; the command it sent was not understood (RFC 5321 section 4.2.3).',
    ],
  },
  // "onhold": the server said something, but no known cause is in its words (the classifier keeps
  // "undefined" for a bounce without any words from the server).
  onhold: {
    summary: "Delivery failed; the server's words do not name a cause that is known",
    steps: [
      "Read the server's words in the bounce: they are the only account of the cause.",
      'A temporary (4xx) failure is retried by the sending server; after a permanent one, send again once and, if it fails the same way, contact the recipient or their mail administrator.',
    ],
    final: {
      steps: [
        "Read the server's words in the bounce: they are the only account of the cause.",
        'The sending server has stopped trying: send again once and, if it fails the same way, contact the recipient or their mail administrator.',
      ],
    },
  },
  undefined: {
    summary: 'Delivery failed and the server gave no usable reason',
    steps: [
      'Read the server text in the bounce for any hint.',
      'Send again once; if it fails the same way, contact the recipient or their mail administrator.',
    ],
  },
  vacation: {
    summary: 'An automatic reply (out of office), not a delivery failure',
    steps: ['The message was delivered. No action needed.'],
    retry: { advised: false, when: 'Not needed: the message was delivered.' },
  },
  feedback: {
    summary: 'A recipient complained about the message (a spam complaint)',
    steps: [
      'Stop sending to this recipient: they marked the message as unwanted.',
      'Check how the address was collected and make unsubscribing easy.',
    ],
    retry: { advised: false, when: 'Do not send to this recipient again unless they opt in anew.' },
  },
  delivered: {
    summary: 'The message was delivered',
    steps: ['No action needed.'],
    retry: { advised: false, when: 'Not needed: the message was delivered.' },
  },
};

/**
 * Advice by a feedback report's type (classify/feedback-types.ts; RFC 5965 7.3, RFC 6430, RFC 6591),
 * in place of the complaint advice of ADVICE_BY_REASON.feedback where the type is no complaint.
 */
export const ADVICE_BY_FEEDBACK_TYPE: Record<string, AdviceText> = {
  'opt-out': {
    summary: 'The recipient asked to be unsubscribed',
    steps: [
      'Remove this recipient from the list this message was sent from, and send no more of it.',
      'Honour unsubscribe requests promptly (one-click unsubscribe, RFC 8058, is expected by large mailbox providers).',
    ],
    retry: {
      advised: false,
      when: 'Do not send this kind of mail to the recipient again unless they opt in anew.',
    },
  },
  fraud: {
    summary: 'The message was reported as fraud or phishing',
    steps: [
      'Check whether you sent this message: compare the reported message with your own mail.',
      {
        topic: 'authentication',
        text: "If you did not send it, someone sends mail in your domain's name: publish DMARC with p=quarantine or p=reject once your own mail passes SPF or DKIM aligned (RFC 7489).",
      },
      'If you did send it, change what makes it look like phishing (misleading links, lookalike names). The recipient is not at fault: do not remove them for this report.',
    ],
    retry: { advised: false, when: 'Do not send this message again before its cause is found.' },
  },
  virus: {
    summary: 'The message was reported as carrying a virus or malware',
    steps: [
      'Scan the message and its attachments, and the system that sent it.',
      'Send attachments as links to a scanned download, or leave them out, until the cause is found. The recipient is not at fault: do not remove them for this report.',
    ],
    retry: { advised: false, when: 'Not before the message is clean.' },
  },
  'auth-failure': {
    summary: 'An authentication failure report: the message failed SPF, DKIM or DMARC checks (RFC 6591)',
    steps: [
      {
        topic: 'run-check',
        text: "Check the sending domain's SPF, DKIM and DMARC records (bouncedoc check DOMAIN) and the report's Auth-Failure and Reported-Domain fields.",
      },
      {
        topic: 'authentication',
        text: 'Make SPF or DKIM pass and align with the From domain for every system that sends in its name; if the message is not yours, someone spoofs your domain. The recipient is not at fault.',
      },
    ],
    retry: { advised: false, when: 'Not before the authentication is fixed.' },
  },
  'not-spam': {
    summary: 'The recipient reported the message as NOT spam (it had been filtered as spam)',
    steps: [
      'No action for this recipient: they want this mail. Keep them on your list.',
      'If many such reports come, your mail is being filtered as spam: check your authentication (bouncedoc check DOMAIN) and your sending reputation.',
    ],
    retry: { advised: false, when: 'Not needed: the message was delivered.' },
  },
  other: {
    summary: 'A feedback report of a kind that is not a complaint',
    steps: [
      "Read the report's human-readable part and its Feedback-Type: it says what was reported.",
      'Do not remove the recipient for this report alone: it is no complaint (RFC 5965 section 7.3).',
    ],
    retry: { advised: false, when: 'Not needed: the message was delivered.' },
  },
};

/**
 * Advice by a reason and the enhanced status's subject.detail (RFC 3463), where the code says more
 * than the reason's general words: X.1.3 is a malformed address, which the reason userunknown
 * shares with addresses that do not exist; X.7.0 is a security or policy refusal that names no
 * rule ("Other or undefined security status"), read as a policy violation without saying which.
 */
/**
 * Advice for a successful delivery by its RFC 3464 Action (section 2.3.3), where it says more than
 * "delivered": relayed to a mailer that reports nothing further, or expanded to a list's members.
 */
export const ADVICE_BY_DELIVERED_ACTION: Record<string, AdviceText> = {
  relayed: {
    summary:
      'The message was relayed onward to a system that sends no further delivery reports (RFC 3464 "relayed")',
    steps: [
      'No action needed: the last report-capable server passed it on; whether it reached the mailbox is not reported.',
    ],
    retry: { advised: false, when: 'Not needed: the message was passed on.' },
  },
  expanded: {
    summary:
      'The message was delivered to a list or alias and passed on to its members (RFC 3464 "expanded")',
    steps: ["No action needed: each member's delivery is reported separately, if at all."],
    retry: { advised: false, when: 'Not needed: the message was delivered to the list.' },
  },
};

export const ADVICE_BY_REASON_STATUS: Record<string, AdviceText> = {
  'userunknown:1.3': {
    summary: "The recipient's address is not valid: the server says it is malformed (RFC 3463 X.1.3)",
    steps: [
      'Check the address for typing mistakes, spaces, a missing or doubled @, or characters that addresses cannot hold (bouncedoc address ADDRESS checks its syntax).',
      'Correct it and send again; if it looks right, ask the recipient for the exact address by another channel.',
      'Suppress the address as written: it will fail the same way again.',
    ],
  },
  'policyviolation:7.0': {
    summary:
      "The receiving server refused the message for a security or policy reason (RFC 3463 X.7.0: the code does not say which; read the server's words)",
    steps: [
      "Read the server's words in the bounce for any hint (authentication, reputation, content or volume).",
      {
        topic: 'run-check',
        text: "Check the sending domain's SPF, DKIM and DMARC (bouncedoc check DOMAIN): unauthenticated mail is the most common cause.",
      },
      'If it keeps happening, ask the receiving side which rule refused the message.',
    ],
  },
};

/** Advice for a mail loop (the MAIL_LOOP phrase table's code; RFC 5321 section 6.3). */
const MAIL_LOOP_ADVICE: AdviceText = {
  summary: 'A mail loop: servers passed the message round until a hop limit stopped it',
  steps: [
    "A forwarding rule, alias or MX record sends the recipient's mail back where it came from: the recipient's mail administrator must fix it (or yours, if the loop is between your own servers).",
    'Sending again will loop again until then; tell the recipient by another channel.',
  ],
  retry: { advised: false, when: 'Only after the loop is fixed.' },
};

/** Advice for a provider's own code (Classification.providerCode), when it says more than the reason. */
export const ADVICE_BY_PROVIDER_CODE: Record<string, AdviceText> = {
  '5.7.26': {
    summary: 'Gmail refused the message: it is not authenticated for its From domain (DMARC)',
    steps: [
      {
        topic: 'authentication',
        text: 'Gmail requires SPF or DKIM to pass and to align with the From domain when that domain publishes a DMARC policy.',
      },
      {
        topic: 'dkim',
        text: 'Sign with DKIM so that d= is the From domain or shares its organizational domain, and keep SPF passing for the MAIL FROM domain.',
      },
      {
        topic: 'free-mail-from',
        text: "If the From address is on someone else's domain (e.g. a free mail provider), use an address on your own domain.",
      },
      RUN_CHECK_FROM_DOMAIN,
    ],
  },
  'gmail:unauthenticated': {
    summary:
      'Gmail refused the message: neither SPF nor DKIM passed (Gmail requires one of them from every sender)',
    steps: [
      {
        topic: 'spf',
        text: "List the sending server in the SPF record of the envelope sender's (MAIL FROM) domain.",
      },
      {
        topic: 'dkim',
        text: 'Sign outgoing mail with DKIM at the server or service that sends it, and publish its key.',
      },
      RUN_CHECK_FROM_DOMAIN,
    ],
  },
  'icloud:local-policy': {
    summary: "iCloud Mail refused the message under its own sending policy ('local policy')",
    steps: [
      {
        topic: 'run-check',
        text: "Check the sending domain's SPF, DKIM and DMARC (bouncedoc check DOMAIN): iCloud filters unauthenticated mail first.",
      },
      'Check the sending IP address and domain for a poor reputation (complaints, spam traps, sudden volume).',
      "If the mail is legitimate and authenticated, ask iCloud to review it through the postmaster page the reply links (Apple's postmaster information, support.apple.com/102322), quoting the code in brackets.",
    ],
  },
  'yahoo:5.7.9': {
    summary: 'Yahoo refused the message: it failed authentication (SPF, DKIM or DMARC)',
    steps: [
      {
        topic: 'authentication',
        text: "Yahoo requires the message to pass SPF or DKIM for the sending domain, and DMARC for the From domain when it publishes a policy (Yahoo's help, SLN7253).",
      },
      {
        topic: 'dkim',
        text: 'Sign with DKIM so that d= is the From domain or shares its organizational domain, and keep SPF passing for the MAIL FROM domain.',
      },
      RUN_CHECK_FROM_DOMAIN,
    ],
  },
  'mail-loop': MAIL_LOOP_ADVICE,
  // classify: "user unknown" words that neither the SMTP stage (RCPT) nor an X.1.x status confirms
  'unknown-unconfirmed': {
    summary:
      'The server says the address does not exist, but neither the SMTP stage nor the status confirms it',
    steps: [
      'Check the address for typing mistakes.',
      'Some filters word every refusal as "user unknown": do not remove the address for this bounce alone.',
      'If the next message to it fails the same way (or the server names RCPT TO or a 5.1.x status), treat the address as dead and suppress it.',
    ],
    retry: { advised: false, when: 'Not unchanged; once more at most, to confirm the address.' },
  },
  greylisted: {
    summary: 'The receiving server greylisted the message: a deliberate first refusal, accepted when retried',
    steps: [
      'Nothing is wrong: the receiver turns away the first attempt from a sender it has not seen before (greylisting, RFC 6647) and accepts the same message when the sending server tries again a few minutes later.',
      'Do not change anything and do not remove the recipient; the sending server retries by itself.',
    ],
    final: {
      steps: [
        'The receiver greylisted the message (RFC 6647: it refuses the first attempt from an unknown sender and accepts a retry), but the sending server gave up instead of retrying.',
        'Send the message again; if this keeps happening, check that the sending server retries deferred mail (its queue settings) and sends every retry from the same IP address.',
      ],
    },
    retry: {
      advised: true,
      when: 'Yes: the sending server retries by itself, and a retry after the greylisting delay (usually a few minutes) is accepted.',
    },
  },
  '4.7.28': {
    // the reply names what is limited: "originating from your IP address", "... from your DKIM
    // domain" or "... from your SPF domain" (Gmail's SMTP error reference)
    summary:
      'Gmail is rate limiting your mail for an unusual amount of unwanted mail (from your IP address or domain, as the reply names it)',
    steps: [
      'The sending server retries by itself; slow down sending to Gmail.',
      GMAIL_AUTHENTICATE,
      'Remove recipients who do not open or who complain.',
    ],
    final: {
      steps: [
        'The sending server has stopped trying: slow down sending to Gmail, then send the message again later.',
        GMAIL_AUTHENTICATE,
        'Remove recipients who do not open or who complain.',
      ],
    },
  },
  'recipient-rate': {
    summary: "The recipient's mailbox is receiving mail too fast: its provider holds back more for a while",
    steps: [
      'Nothing is wrong with the address or with your sending: the recipient gets more mail (from everyone) than their provider lets in at once.',
      'Do not remove the recipient; the sending server retries by itself, and the message is delivered once the rate drops.',
    ],
    final: {
      steps: [
        'The recipient was getting more mail than their provider lets in at once, and the sending server has stopped trying.',
        'Send the message again later; do not remove the recipient.',
      ],
    },
  },
  'gmail:gcdp': {
    summary: "A rule of the recipient's organization refused the message",
    steps: [
      "The recipient's (or your own) Google Workspace administrator set a policy that this message breaks (gcdp: Google Custom Domain Policies); Gmail itself did not judge the sender.",
      'Ask the recipient which rule it is (a blocked attachment type, word, size or sender), or ask them to have their administrator allow your messages; change the message to fit the rule and send again.',
    ],
  },
  'gmail:blocked-content': {
    summary:
      'Gmail refused the message for its content: an attachment of a type it blocks, or content that may carry malware',
    steps: [
      'Gmail blocks some attachment types outright, also inside archives (.zip, .gz): executables and scripts such as .exe, .bat, .js or .vbs, and documents with malicious macros; it also refuses content it takes for malware. The sender, its IP address and its domain were not judged.',
      'Remove the attachment or send the file through a sharing link, scan it if it is not expected, then send again.',
      'Do not remove the recipient: the address is fine.',
    ],
  },
  '5.7.25': {
    summary: 'Gmail refused the message: the sending IP address has no valid reverse DNS (PTR)',
    steps: [
      'Ask your hosting or ISP to set a PTR record for the sending IP that resolves back to the same IP.',
      'Send again once it is in place.',
    ],
  },
  '5.7.509': {
    summary: "Microsoft refused the message: the sender's domain fails DMARC and its policy is reject",
    steps: [
      { topic: 'authentication', text: 'Make SPF or DKIM pass and align with the From domain (RFC 7489).' },
      RUN_CHECK_FROM_DOMAIN,
    ],
  },
  '5.7.515': {
    summary:
      "Microsoft (Outlook.com) refused the message: the sender's domain does not meet its authentication requirements",
    steps: [
      {
        topic: 'authentication',
        text: 'Outlook.com requires of bulk senders that SPF and DKIM both pass for the sending domain and that the From domain publishes a DMARC record (p=none at least) aligned with SPF or DKIM.',
      },
      RUN_CHECK_FROM_DOMAIN,
    ],
  },
  S3140: {
    summary: 'Microsoft (Outlook.com) blocks the network range of the sending IP address',
    steps: [
      'The block is on the IP range, not on your domain: ask the hosting or ISP that owns the range to resolve it with Microsoft, or relay through a mail service with good reputation.',
      'Once the range is clean, request a review through Microsoft sender support.',
      'Do not remove the recipient.',
    ],
  },
  S3150: {
    summary: 'Microsoft (Outlook.com) blocks the sending IP address',
    steps: [
      'Request delisting through Microsoft sender support, after stopping whatever caused the block.',
      'Do not remove the recipient.',
    ],
  },
  '5.7.606': {
    summary: 'Microsoft 365 has banned the sending IP address',
    steps: [
      'Use the Microsoft delist portal (sender.office.com) to request removal, after fixing the cause.',
      'Do not remove the recipient.',
    ],
  },
  '5.7.708': {
    summary: 'Microsoft 365 does not accept mail from this IP address (low reputation)',
    steps: [
      'Send through a service with established reputation, or warm up the IP slowly.',
      'Do not remove the recipient.',
    ],
  },
  'submission-quota': {
    summary: 'Microsoft 365 stopped the sending account: it went over its own sending limit',
    steps: [
      'The limit is on the sending account (recipients or messages per day), not on the recipient: the address is fine.',
      'Check that the account is not compromised and used to send spam (Microsoft names that as a common cause); if it is, secure it first.',
      'Send the remaining messages after the limit has reset (the next day), or spread them over time.',
    ],
    retry: { advised: true, when: 'After the sending limit has reset (the next day), not sooner.' },
  },
  'account-banned': {
    summary: 'Microsoft 365 has banned the sending account for spam',
    steps: [
      'Microsoft detected spam sent from this account; typically the account has been compromised.',
      'Secure the account and reset its credentials, then ask your Microsoft 365 administrator (or Microsoft support) to restore its right to send.',
      'Do not remove the recipient: the address is fine.',
    ],
  },
  '5.7.510': {
    summary: "The recipient's domain does not accept mail over IPv6",
    steps: [
      'Nothing is wrong with the address or the message: the recipient domain takes mail over IPv4 only.',
      'Configure the sending server to deliver to this domain over IPv4, then send again.',
    ],
  },
  '5.6.11': {
    summary: 'The message contains bare line feeds, which the receiving server refuses',
    steps: [
      'The sending program wrote lines ending in a line feed alone; SMTP requires CR LF (RFC 5321 section 2.3.8).',
      'Correct or update the sending software, then send again. Do not remove the recipient.',
    ],
  },
  'exo:dane': {
    summary: "The recipient's mail server failed Microsoft 365's TLS or DANE checks",
    steps: [
      "Microsoft 365 did not deliver because the recipient's server does not offer TLS, presents an expired or mismatched certificate, or its domain's DANE (TLSA) or DNSSEC records do not validate.",
      "This usually has to be fixed on the recipient's side: tell the recipient's mail administrator.",
      'Do not remove the address; send again once their server is corrected.',
    ],
  },
  // The sending server's own TLS policy (classify/phrases/sender.ts TLS_POLICY): MTA-STS (RFC
  // 8461), DANE (RFC 7672) or a "TLS required" setting met a receiver that could not satisfy it.
  'tls-policy': {
    summary:
      "The sending server's TLS policy stopped delivery: the recipient's mail server offered no usable encrypted connection (no STARTTLS, a certificate that does not verify, or a broken TLSA or MTA-STS record)",
    steps: [
      "The sending server delivers to this destination only over verified TLS (its own setting, the recipient domain's MTA-STS policy, RFC 8461, or its DANE TLSA records, RFC 7672), and the recipient's server did not meet it. The receiver refused nothing, and the sender domain's authentication records (DMARC and the rest) play no part.",
      "Usually the recipient's side must fix it: tell the recipient's mail administrator, quoting the server's words (offer STARTTLS, install a valid certificate for the MX host name, correct the TLSA records or the MTA-STS policy).",
      "If their server is as it should be, check your sending server's TLS policy for this destination: a level stricter than the receiver supports (Postfix smtp_tls_security_level = encrypt or verify for every domain) refuses servers that offer only opportunistic TLS (RFC 7435).",
      'Do not remove the address: it is fine. Once either side is fixed, the message can be delivered.',
    ],
  },
  'exo:auth-required': {
    summary:
      'The recipient accepts mail only from senders inside its own organization (Microsoft 365: authentication required)',
    steps: [
      'The address (often a group or distribution list) is set to take mail only from authenticated, internal senders (Exchange: "Require that all senders are authenticated"). It is a setting on the recipient\'s side: nothing in your mail or your server\'s login can satisfy it.',
      'Ask the recipient to have their Microsoft 365 administrator allow external senders for this address (or add you as an allowed sender), or write to another address of theirs.',
      'Do not remove the address: it exists. Send again once external senders are allowed.',
    ],
  },
  'external-forwarding-blocked': {
    summary:
      "The recipient's organization does not allow forwarding to outside addresses, and this message was to be forwarded",
    steps: [
      "The recipient's mailbox forwards its mail to an external address (a forwarding setting or an inbox rule), and their organization's policy blocks automatic external forwarding (Microsoft 365: 5.7.520, AS(7555)). Your IP address, domain and authentication were not judged, and no block list is involved.",
      "The copy in the recipient's own mailbox may still have been delivered: only the forwarded copy was stopped. Tell the recipient, so that they (or their administrator) remove the external forwarding or allow it for this mailbox.",
      'Do not remove the address: it is fine.',
    ],
  },
  'AS(201806281)': {
    summary: "The recipient's address does not exist (Microsoft 365 directory check)",
    steps: [
      'The recipient domain uses Microsoft 365 and the address is not in its directory.',
      "Check the address for typing mistakes; if it is right, the recipient's administrator must create it.",
      'Suppress the address until then.',
    ],
  },
  // Japanese carriers whose "user unknown" words, in a given form, mean their reception filter
  // refused the sender (src/classify/providers/kddi.ts, docomo.ts: the rules and their sources).
  'au:reception-filter': {
    summary: "au (KDDI) refused the sender: the recipient's reception filter, not a missing address",
    steps: [
      'The server\'s words say "User unknown", but au writes them without the address ("550 : User unknown") when the recipient\'s reception filter (allowed senders, domain filter, spam settings) refused the sender; an address that does not exist is answered with the address named ("550 <address>: User unknown").',
      'Ask the recipient to allow your address or domain in their au mail filter settings.',
      'Do not remove the address: it exists. Send again once you have been allowed.',
    ],
  },
  'docomo:reception-filter': {
    summary: "NTT docomo refused the sender: the recipient's reception settings, not a missing address",
    steps: [
      "The server's words say \"Unknown user\", but docomo gave that answer after the message itself was sent (not when the address was given at RCPT, and without an address status X.1.x) when the recipient's reception settings refused the sender's domain; an address that does not exist is refused at RCPT.",
      'Ask the recipient to allow your address or domain in their docomo mail reception settings.',
      'Do not remove the address: it exists. Send again once you have been allowed.',
    ],
  },
  TSS04: {
    summary: 'Yahoo is temporarily deferring mail from your IP (unexpected volume or user complaints)',
    steps: [
      'The sending server retries by itself; slow down sending to Yahoo and AOL.',
      YAHOO_AUTHENTICATE,
      'Reduce complaints: send only to people who opted in and honour unsubscribes (one-click, RFC 8058).',
    ],
    final: {
      steps: [
        'The sending server has stopped trying: slow down sending to Yahoo and AOL, then send the message again later.',
        YAHOO_AUTHENTICATE,
        'Reduce complaints: send only to people who opted in and honour unsubscribes (one-click, RFC 8058).',
      ],
    },
  },
  TSS09: {
    summary: 'Yahoo permanently refuses mail from your IP address',
    steps: [
      'Retrying will not succeed: contact Yahoo through its sender support after fixing the cause (volume, complaints, authentication).',
      'Do not remove the recipient.',
    ],
  },
};

/**
 * A permanent failure known only from an ESP's label (no reply words, no enhanced status in the
 * payload): the advice says so instead of inventing a cause.
 */
export const ADVICE_LABEL_ONLY_HARD: AdviceText = {
  summary: "The ESP reports a permanent failure for this address, without the receiving server's reply",
  steps: [
    "The payload holds no words or enhanced status from the receiving server: the ESP's label, which calls the failure permanent, is the only account of it.",
    'Remove or suppress the address (the ESP itself usually suppresses it already).',
    "If you believe the address is valid, look the event up in the ESP's logs for the server's reply, or ask the recipient by another channel.",
  ],
  retry: RETRY_BY_TYPE.hard,
};

/**
 * A bounce of a bounce (RawRecipient.returnedBounce): the failed message was itself a bounce, sent
 * to a mail system's address. Bounces are sent with the null reverse-path <> (RFC 5321 section
 * 4.5.5; RFC 3464 section 2), so none is ever bounced back: the fault is how the bounce was sent,
 * and the address is no list member to suppress.
 */
export const ADVICE_RETURNED_BOUNCE: AdviceText = {
  summary: 'A bounce came back: the failed message was itself a bounce, sent to a mail system address',
  steps: [
    "The failed recipient is a mail system's address (MAILER-DAEMON, postmaster): the message that failed was a bounce (delivery report), not mail to a person. It is on no mailing list: do not suppress or remove it.",
    'Bounces must be sent with the null reverse-path <> (RFC 5321 section 4.5.5; RFC 3464 section 2: a delivery report has a null return path), so that they are never bounced back: configure the server that sent the first bounce to send its notices with an empty envelope sender.',
    'If the first bounce answered mail with a forged sender (spam), that bounce was backscatter: refuse such mail during the SMTP session instead of accepting it and bouncing it afterwards.',
  ],
  retry: {
    advised: false,
    when: 'No: a bounce is not sent again; fix how bounces are sent (with <> as the envelope sender) instead.',
  },
};

/**
 * A challenge-response notice (RawRecipient.heldForConfirmation): an automatic reply, but the
 * recipient's system holds the message until the sender confirms; unconfirmed, it is deleted.
 */
export const ADVICE_HELD_FOR_CONFIRMATION: AdviceText = {
  summary: "The message is held by the recipient's challenge-response filter until the sender confirms",
  steps: [
    "The message was not delivered yet: the recipient's system holds it until the sender confirms being a person (a link or a reply; the notice says how and for how long) and deletes it if nobody does.",
    'If the message matters and a person sent it, confirm as the notice asks (check that the link goes to the service the notice names).',
    'For automated mail (orders, newsletters) no one will confirm: ask the recipient, by another channel, to add the sending address to their allowed senders (whitelist). Do not remove the address: it works.',
  ],
  retry: {
    advised: false,
    when: 'No: sending again only brings another challenge; the held message is delivered once confirmed.',
  },
};
