export { type ErrorReport, formatJson, formatNdjson, isErrorReport, type ReportOrError } from './json.js';
export { formatSisimai, type SisimaiRecord, toSisimai } from './sisimai.js';
export { formatText, type TextOptions } from './text.js';
