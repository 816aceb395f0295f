import type { Finding } from '../api';

/**
 * A DNS record with the faulty characters marked. Every piece is a text node (never HTML): the
 * record comes from DNS and may hold anything.
 */
export function RecordView({ record, findings }: { record: string; findings: Finding[] }) {
  const spans = findings
    .filter((f) => f.span && f.record === record)
    .map((f) => ({ start: Math.max(0, f.span![0]), end: Math.min(record.length, f.span![1]), f }))
    .filter((s) => s.end >= s.start)
    .sort((a, b) => a.start - b.start);
  const pieces: preact.JSX.Element[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue; // overlapping marks: the first one wins
    if (s.start > at) pieces.push(<span key={`t${at}`}>{record.slice(at, s.start)}</span>);
    const text = record.slice(s.start, s.end);
    pieces.push(
      <mark key={`m${s.start}`} class={`fault ${s.f.severity}`} title={s.f.message}>
        {text === '' ? '\u2038' : text}
      </mark>,
    );
    at = s.end;
  }
  if (at < record.length) pieces.push(<span key={`t${at}`}>{record.slice(at)}</span>);
  return <code class="record">{pieces}</code>;
}
