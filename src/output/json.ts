// JSON and NDJSON output: the reports as they are (src/types.ts), nothing renamed.
import type { ExplainReport } from '../types.js';

/** What a failed input turns into in machine output: the source and a one-line error. */
export interface ErrorReport {
  source: string;
  error: string;
}

export type ReportOrError = ExplainReport | ErrorReport;

export function isErrorReport(r: ReportOrError): r is ErrorReport {
  return 'error' in r;
}

/** One JSON document: the report itself for one input, an array for several. */
export function formatJson(reports: ReportOrError[], many: boolean): string {
  return `${JSON.stringify(many ? reports : reports[0], null, 2)}\n`;
}

/** One line per input. */
export function formatNdjson(reports: ReportOrError[]): string {
  return reports.map((r) => `${JSON.stringify(r)}\n`).join('');
}
