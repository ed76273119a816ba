import { strFromU8, unzipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, testCore } from './helpers.js';

const t = testCore();
const out = tempDir('awb-exchange-reports-');
afterAll(() => t.core.close());

describe('analyst text in reports', () => {
  const summary = 'Three checkpoints were seen:\n- on the ring road\n- at the bazaar\n\nSee https://example.org/x or write to desk@example.org.';

  it('a Word summary keeps a single line break as a break inside its paragraph, and a blank line as a new paragraph', async () => {
    const saved = await t.call('reports.save', { spec: { title: 'Checkpoints', summary }, format: 'docx', path: path.join(out, 'r.docx') });
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(saved.path)))['word/document.xml']!);
    const paragraphs = xml.split('</w:p>');
    const list = paragraphs.find((p) => p.includes('Three checkpoints were seen:'))!;
    expect(list).toContain('on the ring road');
    expect(list).toContain('at the bazaar');
    expect(list.match(/<w:br\/>/g)).toHaveLength(2);
    expect(paragraphs.find((p) => p.includes('desk@example.org'))).not.toBe(list);
  });

  it('Markdown escapes bare addresses, so a viewer makes no link of the analyst’s words', async () => {
    const saved = await t.call('reports.save', { spec: { title: 'Checkpoints', summary }, format: 'md', path: path.join(out, 'r.md') });
    const md = fs.readFileSync(saved.path, 'utf8');
    expect(md).toContain('See https\\://example.org/x or write to desk\\@example.org.');
    expect(md).toContain('\\- on the ring road  \n\\- at the bazaar');
  });
});
