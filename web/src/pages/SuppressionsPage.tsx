import { useEffect, useState } from 'preact/hooks';
import { api, type Suppression } from '../api';

/** The addresses to stop sending to (hard bounces and complaints), with a CSV download. */
export function SuppressionsPage({ onError }: { onError: (e: unknown) => void }) {
  const [items, setItems] = useState<Suppression[] | null>(null);
  useEffect(() => {
    api.suppressions().then((s) => setItems(s.items), onError);
  }, []);
  const download = async () => {
    try {
      const blob = await api.suppressionsCsv();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'suppressions.csv';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      onError(e);
    }
  };
  return (
    <section aria-labelledby="sup-h">
      <h2 id="sup-h">Suppression list</h2>
      <p>
        Addresses that hard-bounced (they do not exist) or complained. Blocked and delayed mail is not listed:
        those addresses are fine.
      </p>
      <button type="button" onClick={download} data-testid="csv">
        Download CSV
      </button>
      {items && items.length === 0 && <p>No addresses to suppress.</p>}
      {items && items.length > 0 && (
        <table data-testid="suppressions">
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Why</th>
              <th scope="col">Status</th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.address}>
                <td>{s.address}</td>
                <td>{s.reason}</td>
                <td>{s.status}</td>
                <td>{s.lastSeen.slice(0, 16).replace('T', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
