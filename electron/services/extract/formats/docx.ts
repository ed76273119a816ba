import { JSDOM } from 'jsdom';
import { blocksOf } from './blocks.js';
import { isoDate, Refusal, type DocumentMeta, type SourceDocument } from './document.js';
import { readZip } from './zip.js';

const BLOCK = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE']);

/** Title, author and dates from an Office file's docProps/core.xml (Dublin Core). */
export function officeCoreMeta(xml: string | null): DocumentMeta {
  if (!xml) return {};
  const doc = new JSDOM(xml, { contentType: 'text/xml' }).window.document;
  const value = (localName: string) => {
    const el = [...doc.documentElement.children].find((c) => c.localName === localName);
    return el?.textContent?.trim() || null;
  };
  return { title: value('title'), author: value('creator'), published: isoDate(value('created')) ?? isoDate(value('modified')) };
}

/** A Word document: headings, paragraphs, list items and table rows as paragraphs, and its properties. */
export async function docxDocuments(name: string, bytes: Uint8Array): Promise<SourceDocument[]> {
  // The zip is opened once with the bomb checks; mammoth then reads the same bytes.
  const parts = readZip(bytes, (entry) => entry === 'word/document.xml' || entry === 'docProps/core.xml');
  const body = parts.find((p) => p.name === 'word/document.xml');
  if (!body) throw new Refusal('This is not a Word document: it has no word/document.xml.');
  if (!body.bytes) throw new Refusal(`The Word document cannot be read: ${body.refused}`);
  const core = parts.find((p) => p.name === 'docProps/core.xml')?.bytes;
  let html: string;
  try {
    // Loaded on the first Word file: commands that never read one do not pay for it.
    const { default: mammoth } = await import('mammoth');
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (error) {
    throw new Refusal(`The Word document cannot be read: ${(error as Error).message}`);
  }
  const dom = new JSDOM(`<body>${html}</body>`);
  const paragraphs = blocksOf(dom.window.document.body, {
    isBlock: (el) => BLOCK.has(el.tagName),
    isRow: (el) => el.tagName === 'TR',
    isCell: (el) => el.tagName === 'TD' || el.tagName === 'TH',
    inline: (el) => (el.tagName === 'BR' ? ' ' : null),
  });
  dom.window.close();
  const meta = officeCoreMeta(core ? new TextDecoder().decode(core) : null);
  return [{ name, format: 'docx', content: { kind: 'paragraphs', paragraphs: paragraphs.map((text) => ({ text })) }, meta, parent: null }];
}
