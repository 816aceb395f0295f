// The registered bounce formats (one file per sending MTA's own notice, see FormatExtractor in
// src/types.ts, with the evidence() test of ./evidence.ts). Adding a format: write
// src/extract/formats/<name>.ts, import it here, add it to the list. Every message is offered to every
// format, so evidence() is what keeps a format cheap on the messages that are not its own: the words
// (mentions()) or header that its parse cannot succeed without.
// Order matters only among formats whose hint() says yes: earlier ones are tried first.
import { amazonses } from './amazonses.js';
import { biglobe } from './biglobe.js';
import { domino } from './domino.js';
import { dragonfly } from './dragonfly.js';
import { einsUndEins } from './einsundeins.js';
import type { FormatWithEvidence } from './evidence.js';
import { exchange2003 } from './exchange2003.js';
import { exim } from './exim.js';
import { ezweb } from './ezweb.js';
import { fml } from './fml.js';
import { forwardedDsn } from './forwarded-dsn.js';
import { gmail } from './gmail.js';
import { gmx } from './gmx.js';
import { googleGroups } from './google-groups.js';
import { imailserver } from './imailserver.js';
import { interscan } from './interscan.js';
import { kddi } from './kddi.js';
import { mailfoundry } from './mailfoundry.js';
import { mailmarshal } from './mailmarshal.js';
import { mailru } from './mailru.js';
import { mfilter } from './mfilter.js';
import { mmsGateway } from './mms-gateway.js';
import { notes } from './notes.js';
import { office365 } from './office365.js';
import { opensmtpd } from './opensmtpd.js';
import { postfixText } from './postfix-text.js';
import { qmail } from './qmail.js';
import { sendmailText } from './sendmail-text.js';
import { smail } from './smail.js';
import { x1 } from './x1.js';
import { x3 } from './x3.js';
import { x6 } from './x6.js';
import { yahoo } from './yahoo.js';
import { zoho } from './zoho.js';

export const formats: readonly FormatWithEvidence[] = [
  // provider notices (more specific than the MTA formats below)
  googleGroups,
  gmail,
  yahoo,
  mailru,
  gmx,
  einsUndEins,
  biglobe,
  kddi,
  ezweb,
  zoho,
  office365,
  amazonses,
  exim,
  dragonfly,
  qmail,
  opensmtpd,
  sendmailText,
  exchange2003,
  imailserver,
  domino,
  notes,
  x1,
  x3,
  x6,
  mailmarshal,
  interscan,
  mailfoundry,
  fml,
  mmsGateway,
  mfilter,
  postfixText,
  forwardedDsn,
  smail,
];
