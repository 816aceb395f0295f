import type { Diagnosis, Result } from '../api';
import { BOUNCE_TYPE_WORDS, CATEGORY_WORDS, PARTY_WORDS } from '../words';
import { CopyButton } from './CopyButton';

/** One recipient: the summary label, what kind of bounce, who acts, the steps, the root cause, the details. */
export function ResultCard({ result }: { result: Result }) {
  const type = BOUNCE_TYPE_WORDS[result.bounceType] ?? { label: result.bounceType, detail: '' };
  const diagnoses = result.diagnosis
    ? Array.isArray(result.diagnosis)
      ? result.diagnosis
      : [result.diagnosis]
    : [];
  return (
    <article class={`card ${result.bounceType}`} data-testid="result">
      <h3 class="summary">{result.advice.summary}</h3>
      <p class="recipient">{result.recipient || '(recipient not named)'}</p>
      <p class="badges">
        <span class={`badge ${result.bounceType}`} data-testid="bounce-type">
          {type.label}
        </span>
        <span class="badge category" data-testid="category" data-category={result.category}>
          {CATEGORY_WORDS[result.category] ?? result.category}
        </span>
      </p>
      <p>{type.detail}</p>
      <p class="party">{PARTY_WORDS[result.party] ?? result.party}</p>
      {result.advice.steps.length > 0 && (
        <>
          <h4>What to do</h4>
          <ol class="steps" data-testid="steps">
            {result.advice.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </>
      )}
      <p class="retry">
        <strong>{result.advice.retry.advised ? 'Retry: yes. ' : 'Retry: not without a change. '}</strong>
        {result.advice.retry.when}
      </p>
      {diagnoses.map((d, i) => (
        <DiagnosisView key={String(i)} diagnosis={d} />
      ))}
      <details>
        <summary>Details</summary>
        <dl class="fields">
          <dt>Status</dt>
          <dd>{result.status || '—'}</dd>
          <dt>Reply code</dt>
          <dd>{result.replyCode || '—'}</dd>
          <dt>Reason</dt>
          <dd>{result.reason}</dd>
          {result.smtpCommand && (
            <>
              <dt>SMTP stage</dt>
              <dd>{result.smtpCommand}</dd>
            </>
          )}
          {result.remoteMta && (
            <>
              <dt>Remote server</dt>
              <dd>{result.remoteMta}</dd>
            </>
          )}
          {result.provider && (
            <>
              <dt>Provider</dt>
              <dd>{result.provider}</dd>
            </>
          )}
        </dl>
        {result.diagnosticCode && (
          <>
            <h4>The server's own words</h4>
            <pre class="diagnostic" data-testid="diagnostic">
              {result.diagnosticCode}
            </pre>
          </>
        )}
      </details>
    </article>
  );
}

function DiagnosisView({ diagnosis }: { diagnosis: Diagnosis }) {
  const cause = diagnosis.rootCause ?? diagnosis.summary;
  const fixed = diagnosis.correctedRecord?.fixed;
  return (
    <section class="diagnosis" data-testid="diagnosis">
      <h4>Root cause</h4>
      {cause && <p>{String(cause)}</p>}
      {diagnosis.fix && <p class="fix">{String(diagnosis.fix)}</p>}
      {fixed && (
        <div class="corrected">
          <p>
            Corrected record{diagnosis.correctedRecord?.name ? ` for ${diagnosis.correctedRecord.name}` : ''}:
          </p>
          <code class="record" data-testid="corrected-record">
            {fixed}
          </code>
          <CopyButton text={fixed} />
        </div>
      )}
    </section>
  );
}
