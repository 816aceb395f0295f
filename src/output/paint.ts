// Colour for the text formatters: functions passed in, so that the caller decides (a TTY, NO_COLOR,
// --no-color) and a formatter's test can use the plain ones.
import picocolors from 'picocolors';
import type { Severity } from '../types.js';

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
  magenta(s: string): string;
  cyan(s: string): string;
}

const same = (s: string) => s;

export const noPaint: Paint = {
  red: same,
  yellow: same,
  green: same,
  dim: same,
  bold: same,
  underline: same,
  magenta: same,
  cyan: same,
};

/** The terminal colours when `color` is true, the plain functions otherwise. */
export function paintFor(color: boolean): Paint {
  if (!color) return noPaint;
  const c = picocolors.createColors(true);
  return {
    red: c.red,
    yellow: c.yellow,
    green: c.green,
    dim: c.dim,
    bold: c.bold,
    underline: c.underline,
    magenta: c.magenta,
    cyan: c.cyan,
  };
}

/** `text` in its severity's colour: errors red, warnings yellow, notes dim (every text formatter). */
export function paintSeverity(
  p: Pick<Paint, 'red' | 'yellow' | 'dim'>,
  severity: Severity,
  text: string,
): string {
  return severity === 'error' ? p.red(text) : severity === 'warning' ? p.yellow(text) : p.dim(text);
}
