import { isPseudoStatus } from '../../../src/classify/reasons.js';
import { stepsBesideCause } from '../../../src/output/steps.js';
import type { Diagnosis, Result } from '../api';
import { BOUNCE_TYPE_WORDS, CATEGORY_WORDS, CONFIDENCE_WORDS, PARTY_WORDS } from '../words';
import { CopyButton } from './CopyButton';

/** One recipient: the summary label, what kind of bounce, who acts, the steps, the root cause, the details. */
export function ResultCard({ result }: { result: Result }) {
  // a complaint is suppressed like a dead address, but it is not one: say what it is; a feedback
  // report that is no complaint (not-spam, virus, fraud, auth-failure: RFC 5965 7.3) keeps the address
  const type =
    result.reason === 'feedback'
      ? result.bounceType === 'hard'
        ? result.feedbackType === 'opt-out'
          ? {
              label: 'Unsubscribe',
              detail: 'Stop sending this mail to this address: the person asked to be removed.',
            }
          : {
              label: 'Complaint',
              detail: 'Stop sending to this address: the person marked your mail as unwanted.',
            }
        : { label: 'Feedback report', detail: 'Not a bounce and no complaint: keep the address.' }
      : (BOUNCE_TYPE_WORDS[result.bounceType] ?? { label: result.bounceType, detail: '' });
  // the root cause's fix is shown with the root cause below, not a second time as a step
  const steps = stepsBesideCause(result);
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
      {steps.length > 0 && (
        <>
          <h4>What to do</h4>
          <ol class="steps" data-testid="steps">
            {steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
        </>
      )}
      <p class="retry">
        <strong>{result.advice.retry.advised ? 'Retry: yes. ' : 'Retry: not without a change. '}</strong>
        {result.advice.retry.when}
      </p>
      {result.diagnosis && <DiagnosisView diagnosis={result.diagnosis} />}
      <details>
        <summary>Details</summary>
        <dl class="fields">
          <dt>Status</dt>
          <dd>
            {result.status || '—'}
            {result.status && isPseudoStatus(result.status) ? ' (inferred, not from the server)' : ''}
          </dd>
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
  const corrected = diagnosis.correctedRecord;
  return (
    <section class="diagnosis" data-testid="diagnosis" data-code={diagnosis.code}>
      <h4>
        Root cause
        {diagnosis.confidence && <ConfidenceBadge confidence={diagnosis.confidence} />}
      </h4>
      <p data-testid="root-cause">{diagnosis.rootCause}</p>
      <p class="fix">
        <strong>Fix: </strong>
        {diagnosis.fix}
      </p>
      {corrected && (
        <div class="corrected">
          <p>Corrected record for {corrected.name}:</p>
          <code class="record" data-testid="corrected-record">
            {corrected.fixed}
          </code>
          <CopyButton text={corrected.fixed} />
        </div>
      )}
      {diagnosis.steps.length > 0 && (
        <ol class="steps">
          {diagnosis.steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      )}
      {(diagnosis.checked.length > 0 || diagnosis.notChecked.length > 0) && (
        <p class="checked">
          {diagnosis.checked.length > 0 && `Checked: ${diagnosis.checked.join('; ')}. `}
          {diagnosis.notChecked.length > 0 && `Not checked: ${diagnosis.notChecked.join('; ')}.`}
        </p>
      )}
    </section>
  );
}

/** How sure the named cause is: "likely" points the reader to what was not checked. */
function ConfidenceBadge({ confidence }: { confidence: NonNullable<Diagnosis['confidence']> }) {
  const words = CONFIDENCE_WORDS[confidence];
  return (
    <span
      class={`badge confidence ${confidence}`}
      data-testid="confidence"
      data-confidence={confidence}
      title={words.detail}
    >
      {words.label}
    </span>
  );
}
