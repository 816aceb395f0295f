// The plain-text notice formats of src/extract/formats (issue 3, part A), for tests over all of them.
import { domino } from '../../../src/extract/formats/domino.js';
import { dragonfly } from '../../../src/extract/formats/dragonfly.js';
import { exchange2003 } from '../../../src/extract/formats/exchange2003.js';
import { exim } from '../../../src/extract/formats/exim.js';
import { fml } from '../../../src/extract/formats/fml.js';
import { forwardedDsn } from '../../../src/extract/formats/forwarded-dsn.js';
import { imailserver } from '../../../src/extract/formats/imailserver.js';
import { interscan } from '../../../src/extract/formats/interscan.js';
import { mailfoundry } from '../../../src/extract/formats/mailfoundry.js';
import { mailmarshal } from '../../../src/extract/formats/mailmarshal.js';
import { mfilter } from '../../../src/extract/formats/mfilter.js';
import { mmsGateway } from '../../../src/extract/formats/mms-gateway.js';
import { notes } from '../../../src/extract/formats/notes.js';
import { opensmtpd } from '../../../src/extract/formats/opensmtpd.js';
import { postfixText } from '../../../src/extract/formats/postfix-text.js';
import { qmail } from '../../../src/extract/formats/qmail.js';
import { sendmailText } from '../../../src/extract/formats/sendmail-text.js';
import { smail } from '../../../src/extract/formats/smail.js';
import { x1 } from '../../../src/extract/formats/x1.js';
import { x3 } from '../../../src/extract/formats/x3.js';
import { x6 } from '../../../src/extract/formats/x6.js';
import type { FormatExtractor } from '../../../src/types.js';

export const registry: readonly FormatExtractor[] = [
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
