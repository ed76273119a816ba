import type { Address, Email } from 'postal-mime';
import { cleanText, isoDate, Refusal, type DocumentMeta, type FoundDocument } from './document.js';
import { adopt, partName, type ReadNested } from './nested.js';

/** More attachments than this in one message is a dump, not a message: the rest are listed as skipped. */
export const MAX_ATTACHMENTS = 500;

const addresses = (list: Address[] | Address | undefined): string | null => {
  const all = (Array.isArray(list) ? list : list ? [list] : []).flatMap((a) => (a.group ? a.group : [a]));
  const text = all.map((a) => (a.name && a.address ? `${a.name} <${a.address}>` : a.address || a.name)).filter(Boolean).join(', ');
  return text || null;
};

/** The sender as a source: the display name when there is one ("Field Monitor"), else the address. */
const sourceOf = (from: Address | undefined): string | null => {
  const first = from?.group ? from.group[0] : from;
  return first?.name || first?.address || null;
};

const bare = (id: string | undefined) => id?.trim().replace(/^<|>$/g, '') || null;

function messageMeta(email: Email): DocumentMeta {
  return {
    title: email.subject?.trim() || null,
    subject: email.subject?.trim() || null,
    from: addresses(email.from),
    to: addresses(email.to),
    cc: addresses(email.cc),
    source: sourceOf(email.from),
    author: sourceOf(email.from),
    published: isoDate(email.date ?? null),
    messageId: bare(email.messageId),
    inReplyTo: bare(email.inReplyTo),
  };
}

const asBytes = (content: ArrayBuffer | Uint8Array | string) =>
  typeof content === 'string' ? new TextEncoder().encode(content) : content instanceof Uint8Array ? content : new Uint8Array(content);

async function parseMessage(raw: Uint8Array | string): Promise<Email> {
  // Loaded on the first message: commands that never read one do not pay for it.
  const { default: PostalMime } = await import('postal-mime');
  try {
    return await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer', maxNestingDepth: 50 });
  } catch (error) {
    throw new Refusal(`The message could not be read: ${(error as Error).message}`);
  }
}

/**
 * One e-mail: its text as an article (subject → title, sender → source), each attachment read as
 * its own document and linked to the message. Inline images and signatures' logos are not attachments.
 */
export async function messageDocuments(name: string, raw: Uint8Array | string, readNested: ReadNested): Promise<FoundDocument[]> {
  const email = await parseMessage(raw);
  const meta = messageMeta(email);
  const text = email.text?.trim() ? { kind: 'text' as const, text: cleanText(email.text) } : email.html ? { kind: 'html' as const, text: email.html } : null;
  const list: FoundDocument[] = [
    text
      ? { name, format: 'email', content: text, meta, parent: null }
      : { name, parent: null, failure: 'The message has no text (only attachments, if any).' },
  ];
  const attachments = email.attachments.filter((a) => a.disposition === 'attachment' || (!a.related && a.filename));
  for (const [i, attachment] of attachments.entries()) {
    const fileName = attachment.filename || `attachment ${i + 1}${extensionFor(attachment.mimeType)}`;
    const label = partName(name, fileName);
    if (i >= MAX_ATTACHMENTS) {
      list.push({ name: label, parent: 0, failure: `Not read: the message has ${attachments.length} attachments and only the first ${MAX_ATTACHMENTS} are imported.` });
      continue;
    }
    const found = await readNested(label, asBytes(attachment.content)).catch((error: Error) => [
      { name: label, parent: null, failure: error.message },
    ]);
    adopt(list, found, 0);
  }
  return list;
}

function extensionFor(mimeType: string): string {
  const known: Record<string, string> = {
    'application/pdf': '.pdf',
    'text/plain': '.txt',
    'text/html': '.html',
    'message/rfc822': '.eml',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
    'application/vnd.oasis.opendocument.text': '.odt',
    'application/zip': '.zip',
  };
  return known[mimeType] ?? '';
}

/**
 * An mbox: messages start at lines "From " after a blank line (or at the top); ">From " in a body
 * is an escaped "From ". A reply is linked to the message it answers when that message is in the
 * same file, so a thread reads as one.
 */
export async function mboxDocuments(name: string, bytes: Uint8Array, readNested: ReadNested): Promise<FoundDocument[]> {
  const text = new TextDecoder('latin1').decode(bytes);
  const starts: number[] = [];
  let previousBlank = true;
  for (let pos = 0; pos < text.length; ) {
    const newline = text.indexOf('\n', pos);
    const end = newline === -1 ? text.length : newline;
    if (previousBlank && text.startsWith('From ', pos)) starts.push(pos);
    previousBlank = end - pos === 0 || (end - pos === 1 && text[pos] === '\r');
    pos = end + 1;
  }
  if (starts[0] !== 0) throw new Refusal('This is not an mbox file: it does not start with a "From " line.');
  const list: FoundDocument[] = [];
  const byMessageId = new Map<string, number>();
  for (const [i, start] of starts.entries()) {
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    const raw = chunk.slice(chunk.indexOf('\n') + 1).replace(/^>(>*From )/gm, '$1');
    // The bytes were read as Latin-1 so that each byte is one character: back to bytes for the MIME parser.
    const found = await messageDocuments(partName(name, `message ${i + 1}`), Buffer.from(raw, 'latin1'), readNested).catch((error: Error) => [
      { name: partName(name, `message ${i + 1}`), parent: null, failure: error.message } as FoundDocument,
    ]);
    const first = found[0];
    const at = list.length;
    const meta = first && 'meta' in first ? first.meta : null;
    const repliesTo = meta?.inReplyTo ? byMessageId.get(meta.inReplyTo) : undefined;
    if (first && meta?.title) first.name = partName(name, `${i + 1}. ${meta.title}`);
    adopt(list, found, null);
    if (repliesTo !== undefined) list[at] = { ...list[at]!, parent: repliesTo };
    if (meta?.messageId) byMessageId.set(meta.messageId, at);
  }
  return list;
}

/**
 * A web page saved by a browser as MHTML: a MIME message whose HTML part is the page; the saved
 * address and date are kept. Images and style sheets in it are left out.
 */
export async function mhtmlDocuments(name: string, bytes: Uint8Array): Promise<FoundDocument[]> {
  const email = await parseMessage(bytes);
  const header = (key: string) => email.headers.find((h) => h.key === key)?.value.trim() || null;
  const htmlPart = email.html ?? email.attachments.find((a) => a.mimeType === 'text/html');
  const html = typeof htmlPart === 'string' ? htmlPart : htmlPart ? new TextDecoder().decode(asBytes(htmlPart.content)) : null;
  if (!html) throw new Refusal('The saved page holds no HTML part.');
  const url = header('snapshot-content-location') ?? header('content-location');
  return [
    {
      name,
      format: 'mhtml',
      content: { kind: 'html', text: html },
      meta: { url: url && /^https?:\/\//i.test(url) ? url : null, captured: isoDate(email.date ?? null), title: null },
      parent: null,
    },
  ];
}
