// The advice steps to list for a result that carries a root cause: its fix comes first in the
// advice (src/diagnose/advice.ts, for JSON readers) but is shown with the root cause, so a person
// does not read it twice. Shared by the terminal output and the web page.
import type { RecipientResult } from '../types.js';

export function stepsBesideCause(r: RecipientResult): string[] {
  const fix = r.diagnosis?.fix;
  return fix === undefined ? r.advice.steps : r.advice.steps.filter((s) => s !== fix);
}
