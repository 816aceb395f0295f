// Selectors tried when the user names none. A selector is any name the signer chose, so no list can
// be complete: these are the names that hosting panels and mail services put in their setup guides
// (noted beside each), which makes them the likeliest to find a key. `--selector` always wins.
export const COMMON_SELECTORS: readonly string[] = [
  'default', // cPanel, Plesk, DirectAdmin, OpenDKIM and rspamd examples
  'dkim', // generic; many panels and appliances
  'mail', // generic
  'email', // generic
  'selector1', // Microsoft 365 / Exchange Online
  'selector2', // Microsoft 365 / Exchange Online (the rotation partner)
  'google', // Google Workspace
  'k1', // Mailchimp / Mandrill
  'k2', // Mailchimp
  'k3', // Mailchimp
  'mandrill', // Mandrill
  's1', // SendGrid, generic
  's2', // SendGrid, generic
  'smtp', // Mailgun (older domains)
  'mx', // Mailgun (older domains)
  'pic', // Mailgun
  'krs', // Mailgun
  'mailjet', // Mailjet
  'sig1', // iCloud+ custom domains
  'protonmail', // Proton Mail
  'protonmail2', // Proton Mail
  'protonmail3', // Proton Mail
  'fm1', // Fastmail
  'fm2', // Fastmail
  'fm3', // Fastmail
  'zmail', // Zoho Mail
  'cm', // Campaign Monitor
  'key1', // generic
  'dkim1', // generic
  's1024', // Yahoo-style size-named selectors
  's2048', // Yahoo-style size-named selectors
];

// RFC 6376 §3.1: selector = sub-domain *( "." sub-domain ). Underscores are accepted too, as DNS
// allows them and real selectors use them.
const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;

/** Whether a selector name is well-formed (dot-separated labels of letters, digits, "-" and "_"). */
export function isValidSelector(selector: string): boolean {
  if (selector.length === 0 || selector.length > 200) return false;
  return selector.split('.').every((label) => label.length <= 63 && LABEL.test(label));
}
