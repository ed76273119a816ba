import type MsgReaderClass from '@kenjiuno/msgreader';
import type { FieldsData } from '@kenjiuno/msgreader';
import { cleanText, isoDate, Refusal, type FoundDocument } from './document.js';
import { adopt, partName, type ReadNested } from './nested.js';
import { MAX_ATTACHMENTS } from './email.js';


const person = (name?: string, address?: string) => (name && address && name !== address ? `${name} <${address}>` : address || name || null);

/** An Outlook .msg file: the message as an article (subject → title, sender → source), attachments linked to it. */
export async function msgDocuments(name: string, bytes: Uint8Array, readNested: ReadNested): Promise<FoundDocument[]> {
  // Loaded on the first .msg file. The package is CommonJS compiled from TypeScript: under Node's
  // ESM loader its class may sit one `default` deeper.
  const loaded = (await import('@kenjiuno/msgreader')) as unknown as { default: typeof MsgReaderClass | { default: typeof MsgReaderClass } };
  const MsgReader = 'default' in loaded.default ? loaded.default.default : loaded.default;
  let reader: MsgReaderClass;
  let data: FieldsData;
  try {
    reader = new MsgReader(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    data = reader.getFileData();
  } catch (error) {
    throw new Refusal(`This is not a readable Outlook message: ${(error as Error).message}`);
  }
  if (data.error) throw new Refusal(`This is not a readable Outlook message: ${data.error}`);
  const recipients = (kind: 'to' | 'cc') =>
    (data.recipients ?? []).filter((r) => (r.recipType ?? 'to') === kind).map((r) => person(r.name, r.smtpAddress ?? r.email)).filter(Boolean).join(', ') || null;
  const subject = data.subject?.trim() || null;
  const list: FoundDocument[] = [];
  const body = data.body?.trim();
  const meta = {
    title: subject,
    subject,
    from: person(data.senderName, data.senderSmtpAddress ?? data.senderEmail),
    to: recipients('to'),
    cc: recipients('cc'),
    source: data.senderName || data.senderSmtpAddress || data.senderEmail || null,
    author: data.senderName || null,
    published: isoDate(data.clientSubmitTime ?? data.messageDeliveryTime ?? data.creationTime ?? null),
    messageId: data.messageId?.trim().replace(/^<|>$/g, '') || null,
  };
  list.push(body ? { name, format: 'email', content: { kind: 'text', text: cleanText(body) }, meta, parent: null } : { name, parent: null, failure: 'The message has no text (only attachments, if any).' });
  for (const [i, attachment] of (data.attachments ?? []).entries()) {
    if (attachment.attachmentHidden) continue;
    const label = partName(name, attachment.fileName || attachment.name || `attachment ${i + 1}`);
    if (i >= MAX_ATTACHMENTS) {
      list.push({ name: label, parent: 0, failure: `Not read: only the first ${MAX_ATTACHMENTS} attachments are imported.` });
      continue;
    }
    try {
      const content = reader.getAttachment(attachment).content;
      adopt(list, await readNested(label, content), 0);
    } catch (error) {
      list.push({ name: label, parent: 0, failure: (error as Error).message });
    }
  }
  return list;
}
