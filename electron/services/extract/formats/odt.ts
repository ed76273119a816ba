import { JSDOM } from 'jsdom';
import { blocksOf } from './blocks.js';
import { isoDate, Refusal, type SourceDocument } from './document.js';
import { readZip } from './zip.js';

const xmlDocument = (bytes: Uint8Array) => new JSDOM(new TextDecoder().decode(bytes), { contentType: 'text/xml' }).window.document;
const TEXT_NS = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const TABLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';

/** An OpenDocument text (LibreOffice's .odt): a zip with the text in content.xml and properties in meta.xml. */
export async function odtDocuments(name: string, bytes: Uint8Array): Promise<SourceDocument[]> {
  const parts = readZip(bytes, (entry) => entry === 'content.xml' || entry === 'meta.xml');
  const content = parts.find((p) => p.name === 'content.xml');
  if (!content) throw new Refusal('This is not an OpenDocument text: it has no content.xml.');
  if (!content.bytes) throw new Refusal(`The document cannot be read: ${content.refused}`);
  const doc = xmlDocument(content.bytes);
  if (doc.querySelector('parsererror')) throw new Refusal('The document cannot be read: its content.xml is not well-formed XML.');
  const is = (el: Element, ns: string, ...names: string[]) => el.namespaceURI === ns && names.includes(el.localName);
  const paragraphs = blocksOf(doc.documentElement, {
    isBlock: (el) => is(el, TEXT_NS, 'p', 'h'),
    isRow: (el) => is(el, TABLE_NS, 'table-row'),
    isCell: (el) => is(el, TABLE_NS, 'table-cell'),
    inline: (el) => {
      if (is(el, TEXT_NS, 's')) return ' '.repeat(Number(el.getAttributeNS(TEXT_NS, 'c') ?? 1) || 1);
      if (is(el, TEXT_NS, 'tab', 'line-break')) return ' ';
      // Notes and annotations are not part of the running text.
      if (is(el, TEXT_NS, 'note', 'tracked-changes') || el.localName === 'annotation') return '';
      return null;
    },
  });
  const metaBytes = parts.find((p) => p.name === 'meta.xml')?.bytes;
  const meta = metaBytes ? xmlDocument(metaBytes) : null;
  const value = (localName: string) => (meta ? [...meta.getElementsByTagName('*')].find((el) => el.localName === localName)?.textContent?.trim() || null : null);
  return [
    {
      name,
      format: 'odt',
      content: { kind: 'paragraphs', paragraphs: paragraphs.map((text) => ({ text })) },
      meta: { title: value('title'), author: value('creator') ?? value('initial-creator'), published: isoDate(value('creation-date')) ?? isoDate(value('date')) },
      parent: null,
    },
  ];
}
