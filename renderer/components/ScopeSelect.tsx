export type Scope = 'this' | 'article' | 'all';

/** "Apply to": one annotation, every occurrence in this article, or in every article. */
export function ScopeSelect({ value, onChange }: { value: Scope; onChange: (s: Scope) => void }) {
  return (
    <select aria-label="Apply to" value={value} onChange={(e) => onChange(e.target.value as Scope)}>
      <option value="this">this one</option>
      <option value="article">all in this article</option>
      <option value="all">all in every article</option>
    </select>
  );
}
