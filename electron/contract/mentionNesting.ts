/**
 * The one way two annotations may share text: a place named inside an organisation's name ("Kabul"
 * in "Kabul University", "West Bank" in "West Bank Health Ministry", "UK" in "UK Department for
 * International Development"). The organisation is the name; the place is what the name says about
 * where it is, which the map and the toponym count need. Any other overlap is refused, as before.
 * The window (drawing one span inside another), the core (claiming a span, keeping a re-run clear of
 * decisions) and the extractor read the rule here, so all three agree on it.
 */
export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

/** `inner` is a place inside `outer`, an organisation's name, and shorter than it. */
export function nestsIn(inner: TypedSpan, outer: TypedSpan): boolean {
  return inner.type === 'place' && outer.type === 'organisation' && outer.start <= inner.start && inner.end <= outer.end && inner.end - inner.start < outer.end - outer.start;
}

/** Two annotations that cannot both stand: they share text and neither nests in the other. */
export function clash(a: TypedSpan, b: TypedSpan): boolean {
  return a.start < b.end && b.start < a.end && !nestsIn(a, b) && !nestsIn(b, a);
}

/**
 * These annotations less the places nested in an organisation's name among them, in text order
 * (longer first where two open together): for what cannot nest, such as IOB tags and the tagger's
 * training sentences. Annotations otherwise never overlap, so a nested place can only sit in the
 * last one kept before it.
 */
export function withoutNested<T extends TypedSpan>(spans: readonly T[]): T[] {
  const kept: T[] = [];
  for (const m of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (!kept.length || !nestsIn(m, kept.at(-1)!)) kept.push(m);
  }
  return kept;
}
