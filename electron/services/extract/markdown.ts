import { marked } from 'marked';
import { htmlToText } from './html.js';
import { extractPlainText, parseDateLine, withHeadline, type ExtractedArticle } from './plainText.js';

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

/** Markdown with optional YAML-style front matter (title, date, source, url, author). */
export function extractMarkdown(markdown: string): ExtractedArticle {
  const front: Record<string, string> = {};
  const fm = FRONT_MATTER.exec(markdown);
  let content = markdown;
  if (fm) {
    for (const line of fm[1]!.split('\n')) {
      const m = /^(\w+)\s*:\s*(.+)$/.exec(line.trim());
      if (m) front[m[1]!.toLowerCase()] = m[2]!.trim().replace(/^["']|["']$/g, '');
    }
    content = markdown.slice(fm[0].length);
  }
  let heading: string | null = null;
  content = content.replace(/^\s*#\s+(.+)\n/, (_, h: string) => {
    heading = h.trim();
    return '';
  });
  const html = marked.parse(content, { async: false, gfm: true });
  const parsed = extractPlainText(htmlToText(html));
  const date = front.date ?? front.published;
  const title = front.title ?? heading ?? parsed.title;
  return {
    ...parsed,
    // The headline belongs to the stored text, whether it was a "# heading" or front matter.
    body: withHeadline(parsed.body, title),
    title,
    published: (date && (/^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? parseDateLine(date))) || parsed.published,
    source: front.source ?? front.publisher ?? parsed.source,
    url: front.url ?? parsed.url,
    author: front.author ?? parsed.author,
  };
}
