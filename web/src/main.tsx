// bouncedoc's local page: explain a bounce, check a domain, needs attention, suppressions.
// Routing by the URL hash keeps it a single static page that any path of the server can serve.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, setToken } from './api';
import { AttentionPage } from './pages/AttentionPage';
import { CheckPage } from './pages/CheckPage';
import { ExplainPage } from './pages/ExplainPage';
import { SuppressionsPage } from './pages/SuppressionsPage';
import './style.css';

const PAGES = [
  { hash: '#/explain', title: 'Explain a bounce', Page: ExplainPage },
  { hash: '#/check', title: 'Check a domain', Page: CheckPage },
  { hash: '#/attention', title: 'Needs attention', Page: AttentionPage },
  { hash: '#/suppressions', title: 'Suppression list', Page: SuppressionsPage },
];

function currentHash(): string {
  return PAGES.some((p) => p.hash === location.hash) ? location.hash : '#/explain';
}

function App() {
  const [hash, setHash] = useState(currentHash());
  const [error, setError] = useState('');
  const [needToken, setNeedToken] = useState(false);
  useEffect(() => {
    const onHash = () => {
      setHash(currentHash());
      setError('');
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.status === 401) setNeedToken(true);
    setError(e instanceof Error ? e.message : String(e));
  };
  const page = PAGES.find((p) => p.hash === hash) ?? PAGES[0];

  return (
    <>
      <header>
        <h1>bouncedoc</h1>
        <nav aria-label="Pages">
          {PAGES.map((p) => (
            <a key={p.hash} href={p.hash} aria-current={p.hash === hash ? 'page' : undefined}>
              {p.title}
            </a>
          ))}
        </nav>
      </header>
      <main>
        {needToken && (
          <TokenForm
            onDone={() => {
              setNeedToken(false);
              setError('');
            }}
          />
        )}
        {error && (
          <p class="alert" role="alert" data-testid="error">
            {error}
          </p>
        )}
        <page.Page key={hash} onError={onError} />
      </main>
      <footer>Runs on this machine; only DNS questions leave it.</footer>
    </>
  );
}

function TokenForm({ onDone }: { onDone: () => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      class="token"
      onSubmit={(e) => {
        e.preventDefault();
        setToken(value.trim());
        onDone();
      }}
    >
      <label for="token">This server needs its access token</label>
      <input
        id="token"
        type="password"
        value={value}
        onInput={(e) => setValue((e.target as HTMLInputElement).value)}
      />
      <button type="submit">Use token</button>
    </form>
  );
}

render(<App />, document.getElementById('app')!);
