// The public API of bouncedoc: explain a bounce, diagnose its cause, check a domain, a message or
// an address. Every function takes plain data and returns plain data; DNS comes in as a Resolver.

export { discoverDmarc, evaluateDmarc, lintDmarcRecord } from './auth/dmarc/index.js';
export { type CheckDomainOptions, checkDomain, type DomainCheck } from './auth/domain.js';
export { type AuditOptions, auditMessage, type MessageAudit } from './auth/message/index.js';
export { checkHost, lintSpf } from './auth/spf/index.js';
export { type ChainOptions, diagnoseReport } from './diagnose/chain.js';
export { type AddressCheck, checkAddress } from './diagnose/recipient.js';
export {
  cachingResolver,
  memoryResolver,
  parseZoneFile,
  serversResolver,
  systemResolver,
  zoneFileResolver,
} from './dns/index.js';
export { type ExplainOptions, explain, InputError, reportFromExtraction } from './explain.js';
export { extract } from './extract/index.js';
export { type MessageReader, type ReadResult, readInput } from './read/index.js';
export type * from './types.js';
