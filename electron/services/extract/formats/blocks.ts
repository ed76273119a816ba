/**
 * Paragraphs from a word processor's document tree (Word's HTML from mammoth, OpenDocument XML):
 * each heading, paragraph and list item is one paragraph; a table row is one paragraph with its
 * cells separated by " | ", so a table stays readable and searchable as text.
 */
export interface BlockRules {
  /** The element is a paragraph of its own (p, h1, li; text:p, text:h). */
  isBlock: (el: Element) => boolean;
  isRow: (el: Element) => boolean;
  isCell: (el: Element) => boolean;
  /** Text an empty element stands for (a tab, a line break, runs of spaces), or null. */
  inline?: (el: Element) => string | null;
}

export function blocksOf(root: Node, rules: BlockRules): string[] {
  const out: string[] = [];
  const textOf = (node: Node): string => {
    let text = '';
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        const stands = rules.inline?.(el);
        if (stands != null) text += stands;
        else text += (rules.isBlock(el) ? ' ' : '') + textOf(el);
      }
    }
    return text;
  };
  const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (rules.isRow(el)) {
        const cells = [...el.children].filter(rules.isCell).map((c) => tidy(textOf(c)));
        if (cells.some(Boolean)) out.push(cells.join(' | '));
      } else if (rules.isBlock(el) && ![...el.children].some((c) => rules.isBlock(c) || rules.isRow(c))) {
        const text = tidy(textOf(el));
        if (text) out.push(text);
      } else walk(el);
    }
  };
  walk(root);
  return out;
}
