import { useEffect, useState } from 'preact/hooks';
import { api, type BounceList, type Report } from '../api';
import { ResultCard } from '../components/ResultCard';
import { BOUNCE_TYPE_WORDS, CATEGORY_WORDS } from '../words';

/** The bounces received so far, newest first, grouped and filterable; each opens its details. */
export function AttentionPage({ onError }: { onError: (e: unknown) => void }) {
  const [category, setCategory] = useState('');
  const [bounceType, setBounceType] = useState('');
  const [list, setList] = useState<BounceList | null>(null);
  const [open, setOpen] = useState<{ id: number; report: Report } | null>(null);
  const [version, setVersion] = useState(0);
  const [uploadNote, setUploadNote] = useState('');

  useEffect(() => {
    const params = new URLSearchParams({ limit: '200' });
    if (category) params.set('category', category);
    if (bounceType) params.set('bounceType', bounceType);
    api.bounces(params).then(setList, onError);
  }, [category, bounceType, version]);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    try {
      const res = await api.upload(file);
      setUploadNote(
        `${file.name}: ${res.stored.length} message${res.stored.length === 1 ? '' : 's'} stored` +
          (res.errors.length ? `, ${res.errors.length} could not be read` : ''),
      );
      setVersion((v) => v + 1);
    } catch (e) {
      onError(e);
    }
  };

  const groups = new Map<string, number>();
  for (const c of list?.counts ?? []) groups.set(c.category, (groups.get(c.category) ?? 0) + c.count);

  return (
    <section aria-labelledby="attention-h">
      <h2 id="attention-h">Needs attention</h2>
      <label>
        Add bounces (.eml or mbox):{' '}
        <input
          type="file"
          data-testid="upload"
          accept=".eml,.mbox,.txt,message/rfc822,application/mbox"
          onChange={(e) => upload((e.target as HTMLInputElement).files?.[0])}
        />
      </label>
      {uploadNote && (
        <p class="note" data-testid="upload-note" aria-live="polite">
          {uploadNote}
        </p>
      )}
      <div class="filters">
        <label>
          Group{' '}
          <select
            value={category}
            onChange={(e) => setCategory((e.target as HTMLSelectElement).value)}
            data-testid="filter-category"
          >
            <option value="">all</option>
            {[...groups].map(([c, n]) => (
              <option key={c} value={c}>
                {CATEGORY_WORDS[c] ?? c} ({n})
              </option>
            ))}
          </select>
        </label>
        <label>
          Kind{' '}
          <select
            value={bounceType}
            onChange={(e) => setBounceType((e.target as HTMLSelectElement).value)}
            data-testid="filter-type"
          >
            <option value="">all</option>
            {Object.entries(BOUNCE_TYPE_WORDS).map(([k, w]) => (
              <option key={k} value={k}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list && list.items.length === 0 && <p>Nothing stored yet.</p>}
      {list && list.items.length > 0 && (
        <table class="bounces" data-testid="bounce-table">
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Recipient</th>
              <th scope="col">What happened</th>
              <th scope="col">Group</th>
              <th scope="col">Kind</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.id}>
                <td>{item.receivedAt.slice(0, 16).replace('T', ' ')}</td>
                <td>
                  <button
                    type="button"
                    class="link"
                    onClick={() =>
                      api.bounce(item.bounceId).then((b) => setOpen({ id: b.id, report: b.report }), onError)
                    }
                  >
                    {item.recipient || '(none)'}
                  </button>
                </td>
                <td>{item.summary}</td>
                <td>{CATEGORY_WORDS[item.category] ?? item.category}</td>
                <td>
                  <span class={`badge ${item.bounceType}`}>
                    {BOUNCE_TYPE_WORDS[item.bounceType]?.label ?? item.bounceType}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <div class="detail" data-testid="bounce-detail">
          <h3>
            Bounce #{open.id}{' '}
            <button type="button" onClick={() => setOpen(null)}>
              Close
            </button>
          </h3>
          {open.report.results.map((r, i) => (
            <ResultCard key={`${r.recipient}-${i}`} result={r} />
          ))}
        </div>
      )}
    </section>
  );
}
