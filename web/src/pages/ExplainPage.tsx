import { useState } from 'preact/hooks';
import { api, type Report } from '../api';
import { ResultCard } from '../components/ResultCard';

const KIND_WORDS: Record<string, string> = {
  bounce: 'A bounce: the message was not delivered.',
  delay: 'A delay notice: the message is not delivered yet; the sending server keeps trying.',
  feedback: 'A feedback report (RFC 5965): a recipient or their mail provider reported the message.',
  autoreply: 'An automatic reply (e.g. out of office), not a bounce: nothing failed.',
  'not-bounce': 'This does not look like a bounce or an SMTP error.',
  'reply-text': 'An SMTP reply.',
};

/**
 * What the report is, in a sentence. A bounce may still be retried for some recipients (RFC 3464
 * allows Action: failed and Action: delayed in one report): the sentence then says both, as each
 * result's advice does (advice.stage).
 */
function kindWords(report: Report): string {
  if (report.kind === 'bounce' || report.kind === 'delay') {
    const final = report.results.some((r) => r.advice.stage === 'final');
    const retrying = report.results.some((r) => r.advice.stage === 'retrying');
    if (final && retrying)
      return 'Not delivered to some recipients; for the others the sending server keeps trying.';
    if (report.kind === 'delay' && final)
      return 'A delay notice in which the sending server has stopped trying: the message was not delivered.';
  }
  return KIND_WORDS[report.kind] ?? report.kind;
}

/** Paste a bounce or an SMTP error, or drop an .eml file; read the diagnosis. */
export function ExplainPage({ onError }: { onError: (e: unknown) => void }) {
  const [text, setText] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [keep, setKeep] = useState(false);

  const run = async (input: string | Blob) => {
    setBusy(true);
    setReport(null);
    try {
      setReport(await api.explain(input, keep));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  const onFile = (file: File | undefined) => {
    if (file) void run(file);
  };

  return (
    <section aria-labelledby="explain-h">
      <h2 id="explain-h">Explain a bounce</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) void run(text);
        }}
      >
        <label for="bounce-text">Paste the bounce message or the error text</label>
        <textarea
          id="bounce-text"
          data-testid="bounce-text"
          rows={10}
          value={text}
          placeholder="550 5.1.1 The email account that you tried to reach does not exist…"
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
        {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a mouse shortcut; the file input inside is the keyboard path */}
        <div
          class="drop"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            onFile(e.dataTransfer?.files[0]);
          }}
        >
          <label>
            or drop an .eml file here, or choose one:{' '}
            <input
              type="file"
              accept=".eml,.txt,.msg,message/rfc822,text/plain"
              onChange={(e) => onFile((e.target as HTMLInputElement).files?.[0])}
            />
          </label>
        </div>
        <label class="inline">
          <input
            type="checkbox"
            checked={keep}
            onChange={(e) => setKeep((e.target as HTMLInputElement).checked)}
          />{' '}
          also keep it in “Needs attention”
        </label>
        <button type="submit" disabled={busy || !text.trim()} data-testid="explain-button">
          {busy ? 'Reading…' : 'Explain'}
        </button>
      </form>
      {report && (
        <div class="report" data-testid="report" aria-live="polite">
          <p class="kind">{kindWords(report)}</p>
          {report.original?.subject && (
            <p class="original">
              Original message: “{report.original.subject}”
              {report.original.from ? ` from ${report.original.from}` : ''}
            </p>
          )}
          {report.results.map((r, i) => (
            <ResultCard key={`${r.recipient}-${i}`} result={r} />
          ))}
        </div>
      )}
    </section>
  );
}
