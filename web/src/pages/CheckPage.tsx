import { useState } from 'preact/hooks';
import { api, type DomainCheck, type Finding, type SpfNode } from '../api';
import { CopyButton } from '../components/CopyButton';
import { RecordView } from '../components/RecordView';
import { VERDICT_WORDS } from '../words';

const CHECKS: { key: string; title: string }[] = [
  { key: 'dmarc', title: 'DMARC' },
  { key: 'spf', title: 'SPF' },
  { key: 'dkim', title: 'DKIM' },
  { key: 'mx', title: 'MX' },
];

/** Type a domain: its DMARC, SPF, DKIM and MX with the faults marked and the corrected records. */
export function CheckPage({ onError }: { onError: (e: unknown) => void }) {
  const [domain, setDomain] = useState('');
  const [selectors, setSelectors] = useState('');
  const [result, setResult] = useState<DomainCheck | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      const list = selectors.split(/[\s,]+/).filter(Boolean);
      setResult(await api.check(domain.trim(), list));
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="check-h">
      <h2 id="check-h">Check a sending domain</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (domain.trim()) void run();
        }}
      >
        <label for="domain">Domain</label>
        <input
          id="domain"
          data-testid="domain"
          value={domain}
          placeholder="example.com"
          onInput={(e) => setDomain((e.target as HTMLInputElement).value)}
        />
        <label for="selectors">DKIM selectors (optional, separated by commas)</label>
        <input
          id="selectors"
          data-testid="selectors"
          value={selectors}
          placeholder="default, selector1"
          onInput={(e) => setSelectors((e.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={busy || !domain.trim()} data-testid="check-button">
          {busy ? 'Checking…' : 'Check'}
        </button>
      </form>
      {result && <CheckResult result={result} />}
    </section>
  );
}

function CheckResult({ result }: { result: DomainCheck }) {
  return (
    <div class="check" data-testid="check-result">
      <p class={`verdict ${result.verdict}`} data-testid="verdict">
        {result.domain}: {VERDICT_WORDS[result.verdict] ?? result.verdict}
      </p>
      {CHECKS.map(({ key, title }) => {
        const findings = result.findings.filter((f) => f.check === key);
        const corrected = result.corrected.filter((c) => c.check === key);
        const records = recordsOf(result, key, findings);
        return (
          <section class="record-check" key={key} data-testid={`check-${key}`}>
            <h3>
              {title}:{' '}
              <span class={`verdict ${result.verdicts[key]}`}>
                {VERDICT_WORDS[result.verdicts[key]] ?? result.verdicts[key]}
              </span>
            </h3>
            {records.map((r) => (
              <RecordView key={r} record={r} findings={findings} />
            ))}
            {findings.length > 0 && (
              <ul class="findings">
                {findings.map((f, i) => (
                  <FindingItem key={`${f.code}-${i}`} finding={f} />
                ))}
              </ul>
            )}
            {corrected.map((c) => (
              <div class="corrected" key={c.name}>
                <p>Corrected record for {c.name}:</p>
                <code class="record" data-testid="corrected-record">
                  {c.fixed}
                </code>
                <CopyButton text={c.fixed} />
              </div>
            ))}
            {key === 'spf' && result.spf.tree && (
              <details open={result.spf.lookups > 10}>
                <summary data-testid="spf-lookups">
                  SPF include tree: {result.spf.lookups} of 10 DNS lookups
                </summary>
                <SpfTree node={result.spf.tree} />
              </details>
            )}
          </section>
        );
      })}
    </div>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li class={`finding ${finding.severity}`}>
      <strong>{finding.severity}</strong> {finding.message}
      {finding.fix && <span class="fix"> {finding.fix}</span>}
    </li>
  );
}

function SpfTree({ node }: { node: SpfNode }) {
  return (
    <ul class="tree">
      <li>
        <code>{node.term}</code> — {node.lookups} lookup{node.lookups === 1 ? '' : 's'}, running total{' '}
        {node.runningTotal}
        {node.void ? ' (void)' : ''}
        {node.children.length > 0 && node.children.map((c, i) => <SpfTree key={`${c.term}-${i}`} node={c} />)}
      </li>
    </ul>
  );
}

// The record texts to show for a check: those the findings point into, else what was published.
function recordsOf(result: DomainCheck, key: string, findings: Finding[]): string[] {
  const set = new Set<string>();
  for (const f of findings) if (f.record) set.add(f.record);
  if (key === 'spf') for (const r of result.spf.records ?? []) set.add(r.text);
  if (key === 'dmarc' && typeof result.dmarc.lint?.record === 'string') set.add(result.dmarc.lint.record);
  return [...set];
}
