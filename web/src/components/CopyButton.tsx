import { useState } from 'preact/hooks';

/** Copies a corrected record; says so for a moment. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // clipboard may be refused (no permission): select the text instead
      const sel = window.getSelection();
      sel?.removeAllRanges();
    }
    setDone(true);
    setTimeout(() => setDone(false), 1500);
  };
  return (
    <button type="button" class="copy" onClick={copy} aria-live="polite">
      {done ? 'Copied' : label}
    </button>
  );
}
