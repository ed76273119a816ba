/** An FTS snippet whose hits sit between \u0002 and \u0003: marked up as elements, never as HTML. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\u0002[^\u0003]*\u0003)/u);
  return (
    <span className="snippet">
      {parts.map((part, i) =>
        part.startsWith('\u0002') ? <mark key={i}>{part.slice(1, -1)}</mark> : <span key={i}>{part}</span>,
      )}
    </span>
  );
}
