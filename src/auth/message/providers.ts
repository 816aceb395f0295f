// Tables of sending services, as data. Used only to name the service in explanations and to pick
// the right advice; no verdict depends on a domain being listed.

/**
 * Domains that e-mail service providers use for their own DKIM d= and return-path when a customer
 * has not set up custom ones. Source: each provider's public documentation of its default
 * "bounce"/"return-path" and signing domains (checked 2026); suffix match.
 */
export const ESP_DOMAINS: Readonly<Record<string, string>> = {
  'amazonses.com': 'Amazon SES',
  'sendgrid.net': 'SendGrid',
  'mailgun.org': 'Mailgun',
  'mailgun.net': 'Mailgun',
  'mcsv.net': 'Mailchimp',
  'mcdlv.net': 'Mailchimp',
  'rsgsv.net': 'Mailchimp',
  'mandrillapp.com': 'Mandrill',
  'sparkpostmail.com': 'SparkPost',
  'socketlabs.com': 'SocketLabs',
  'email-od.com': 'SocketLabs',
  'mtasv.net': 'Postmark',
  'postmarkapp.com': 'Postmark',
  'mailjet.com': 'Mailjet',
  'sendinblue.com': 'Brevo',
  'brevo.com': 'Brevo',
  'mktomail.com': 'Marketo',
  'exacttarget.com': 'Salesforce Marketing Cloud',
  'hubspotemail.net': 'HubSpot',
  'mailersend.net': 'MailerSend',
  'elasticemail.com': 'Elastic Email',
  'smtp2go.com': 'SMTP2GO',
  'mailchannels.net': 'MailChannels',
  'zoho.com': 'Zoho',
};

/**
 * Mailbox providers whose addresses people put in From while sending through something else.
 * Source: the largest consumer mailbox domains (the providers' own help pages on "send mail as" /
 * DMARC). Their published DMARC policy is read from DNS, never assumed from this table.
 */
export const MAILBOX_PROVIDERS: Readonly<Record<string, string>> = {
  'gmail.com': 'Gmail',
  'googlemail.com': 'Gmail',
  'yahoo.com': 'Yahoo',
  'ymail.com': 'Yahoo',
  'aol.com': 'AOL',
  'outlook.com': 'Outlook.com',
  'hotmail.com': 'Outlook.com',
  'live.com': 'Outlook.com',
  'msn.com': 'Outlook.com',
  'icloud.com': 'iCloud Mail',
  'me.com': 'iCloud Mail',
  'mail.ru': 'Mail.ru',
  'yandex.ru': 'Yandex',
  'yandex.com': 'Yandex',
  'gmx.de': 'GMX',
  'gmx.net': 'GMX',
  'web.de': 'WEB.DE',
  'proton.me': 'Proton Mail',
  'protonmail.com': 'Proton Mail',
};

function bySuffix(table: Readonly<Record<string, string>>, domain: string | undefined): string | undefined {
  if (!domain) return undefined;
  let d = domain.toLowerCase();
  for (;;) {
    const hit = table[d];
    if (hit) return hit;
    const dot = d.indexOf('.');
    if (dot < 0) return undefined;
    d = d.slice(dot + 1);
  }
}

/** The ESP whose default domain this is (suffix match), if listed. */
export function espOf(domain: string | undefined): string | undefined {
  return bySuffix(ESP_DOMAINS, domain);
}

/** The mailbox provider of exactly this domain, if listed. */
export function mailboxProviderOf(domain: string | undefined): string | undefined {
  return domain ? MAILBOX_PROVIDERS[domain.toLowerCase()] : undefined;
}
