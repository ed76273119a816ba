import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventInputRaw } from '../../electron/contract/index.js';
import { pageAt } from '../../electron/contract/imports.js';
import { documentsFromFile, Refusal } from '../../electron/services/extract/article.js';
import { PARSE_LIMITS, ParsePool } from '../../electron/services/extract/parsePool.js';
import { closedAfterEach, fixtures, tempDir, testCore } from './helpers.js';

const documents = path.join(fixtures, 'documents');
const fixture = (name: string) => path.join(documents, name);

const make = closedAfterEach();

/** Imports paths and returns the report with its outcomes by the last part of their names. */
async function importPaths(t: ReturnType<typeof testCore>, paths: string[]) {
  const report = await t.core.imports.importNow({ kind: 'paths', paths });
  const byName = new Map(report.outcomes.map((o) => [o.name.replace(`${documents}/`, ''), o]));
  return { report, byName };
}

describe('importing documents', () => {
  it('reads a two-column PDF report in reading order, one paragraph per paragraph, each with its page, without running headers and footers', async () => {
    const t = make();
    const { report } = await importPaths(t, [fixture('report.pdf')]);
    expect(report.outcomes).toEqual([expect.objectContaining({ status: 'imported', message: null })]);
    const article = await t.call('articles.get', { id: report.outcomes[0]!.articleId! });
    expect(article).toMatchObject({
      title: 'Civilian Harm in the Northern Provinces: Quarterly Protection Update',
      author: 'Protection Monitoring Network',
      published: '2024-03-12T09:00:00Z',
      format: 'pdf',
      fileName: 'report.pdf',
    });
    const paragraphs = article.body.split('\n\n');
    // The two-line headline is one paragraph and leads the text.
    expect(paragraphs[0]).toBe('Civilian Harm in the Northern Provinces: Quarterly Protection Update');
    // Left column before right, across the page break ("clea-" / "rance" on the next page), hyphens undone.
    expect(paragraphs).toContain(
      'On 14 February a roadside device exploded near a school in Khanabad district, killing two civilians and injuring five others. Local elders told monitors that the device had been left behind after fighting in 2021 and that earlier requests for clearance had received no answer.',
    );
    expect(paragraphs).toContain(
      'Most of the harm was caused by explosive remnants of war. Children collecting scrap metal near the old checkpoints on the road between Kunduz city and Imam Sahib were the most frequent victims, accounting for nineteen of the sixty-three casualties recorded.',
    );
    expect(paragraphs.at(-1)).toBe('The next quarterly update will cover April to June 2024 and will include a separate section on the protection of health workers and facilities.');
    expect(article.body).not.toMatch(/Page \d of 3|Quarterly Update, First Quarter|moni- tors|part- ners/);
    expect(paragraphs).toHaveLength(10);

    const page = (text: string) => pageAt(article.document!.pageStarts, article.body.indexOf(text));
    expect(page('Between January and March 2024')).toBe(1);
    expect(page('Humanitarian organisations reported')).toBe(2);
    expect(page('Monitors interviewed 112 displaced families')).toBe(2);
    expect(page('The next quarterly update')).toBe(3);
    expect(article.document!.metadata).toMatchObject({ pages: 3 });
  });

  it('cites the page of a PDF quote in the report', async () => {
    const t = make();
    const { report } = await importPaths(t, [fixture('report.pdf')]);
    const articleId = report.outcomes[0]!.articleId!;
    const body = (await t.call('articles.get', { id: articleId })).body;
    const sentence = 'Humanitarian organisations reported that access to the districts north of Baghlan-e Jadid improved';
    const start = body.indexOf(sentence);
    const draft = await t.call('events.draft', { articleId, start, end: start + sentence.length });
    const actor = (await t.call('entities.create', { type: 'organisation', name: 'Humanitarian organisations' })).id;
    const other = (await t.call('entities.create', { type: 'organisation', name: 'Checkpoint staff' })).id;
    const place = (await t.call('entities.create', { type: 'place', name: 'Baghlan-e Jadid' })).id;
    await t.call('entities.setPlace', { id: place, place: { custom: { name: 'Baghlan-e Jadid', lat: 36.13, lon: 68.7 } } });
    const saved = await t.call('events.create', {
      input: { ...(draft.input as object), date: '2024-03-01', timePrecision: 1, actor1: { entityId: actor, type: 8 }, actor2: { entityId: other, type: 8 }, locationId: place, geoPrecision: 2, fatalities: 0 } as EventInputRaw,
      evidence: draft.evidence,
      acceptWarnings: true,
    });
    expect(saved.problems).toEqual([]);
    const { html } = await t.call('reports.preview', { spec: { title: 'Access in the north' } });
    expect(html).toContain('Civilian Harm in the Northern Provinces: Quarterly Protection Update, p. 2');
  });

  it('imports an e-mail and its PDF attachment as two articles, linked both ways, with the headers kept', async () => {
    const t = make();
    const { report, byName } = await importPaths(t, [fixture('message.eml')]);
    expect(report.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    const message = await t.call('articles.get', { id: byName.get('message.eml')!.articleId! });
    const annex = await t.call('articles.get', { id: byName.get('message.eml › khanabad-annex.pdf')!.articleId! });
    expect(message).toMatchObject({ title: 'Khanabad school incident, 14 February', source: 'Field Monitor', published: '2024-02-15T09:50:00Z', format: 'email' });
    expect(message.body).toMatch(/^Khanabad school incident, 14 February\n\nA roadside device exploded near the school in Sar-e Pul village/);
    expect(message.document!.metadata).toMatchObject({
      from: 'Field Monitor <monitor.kunduz@example.org>',
      to: 'Protection Desk <protection@example.org>',
      cc: 'Mine Action Focal Point <mineaction@example.org>',
      subject: 'Khanabad school incident, 14 February',
    });
    expect(message.document!.parts).toEqual([{ id: annex.id, title: 'Khanabad incident annex' }]);
    expect(annex).toMatchObject({ format: 'pdf', fileName: 'khanabad-annex.pdf' });
    expect(annex.body).toContain('Two civilians were killed and five injured, among them three pupils.');
    expect(annex.document!.parent).toEqual({ id: message.id, title: message.title });
  });

  it('imports an Outlook message with its recipients, and its attachment linked to it', async () => {
    const t = make();
    const { report, byName } = await importPaths(t, [fixture('message.msg')]);
    expect(report.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    const message = await t.call('articles.get', { id: byName.get('message.msg')!.articleId! });
    expect(message).toMatchObject({ title: 'Convoy delayed at Pul-e Khumri', source: 'Logistics Officer', published: '2024-04-18T13:05:00Z', format: 'email' });
    expect(message.body).toContain('was held at the Pul-e Khumri checkpoint for two days');
    expect(message.document!.metadata).toMatchObject({
      from: 'Logistics Officer <logistics@example.org>',
      to: 'Protection Desk <protection@example.org>',
      cc: 'Health Cluster <health@example.org>',
    });
    const manifest = await t.call('articles.get', { id: byName.get('message.msg › manifest.txt')!.articleId! });
    expect(manifest.body).toContain('14 boxes of surgical supplies');
    expect(manifest.document!.parent!.id).toBe(message.id);
  });

  it('keeps an mbox thread: each message an article, each reply linked to the message it answers', async () => {
    const t = make();
    const { report } = await importPaths(t, [fixture('thread.mbox')]);
    expect(report.outcomes.map((o) => [o.name.replace(`${documents}/`, ''), o.status])).toEqual([
      ['thread.mbox › 1. Displaced families in Taloqan', 'imported'],
      ['thread.mbox › 2. Re: Displaced families in Taloqan', 'imported'],
      ['thread.mbox › 3. Re: Displaced families in Taloqan', 'imported'],
    ]);
    const [first, second, third] = await Promise.all(report.outcomes.map((o) => t.call('articles.get', { id: o.articleId! })));
    // ">From" in a body is an escaped "From": it is read back as written.
    expect(first!.body).toContain('\n\nFrom what they said, food is the first need.');
    expect(second!.document!.parent).toEqual({ id: first!.id, title: 'Displaced families in Taloqan' });
    expect(third!.document!.parent).toEqual({ id: second!.id, title: 'Re: Displaced families in Taloqan' });
    expect(first!.document!.parts).toEqual([{ id: second!.id, title: 'Re: Displaced families in Taloqan' }]);
    expect(third).toMatchObject({ source: 'Field Monitor', published: '2024-03-05T04:40:30Z' });
  });

  it('reads Word and OpenDocument text with headings and table rows as paragraphs, and their properties', async () => {
    const t = make();
    const { byName } = await importPaths(t, [fixture('report.docx'), fixture('prices.odt')]);
    const docx = await t.call('articles.get', { id: byName.get('report.docx')!.articleId! });
    expect(docx).toMatchObject({ title: 'Water points in Maimana: assessment notes', author: 'Field Assessment Team', published: '2024-05-10T08:00:00Z', format: 'docx' });
    expect(docx.body.split('\n\n')).toEqual([
      'Water points in Maimana: assessment notes',
      'Findings',
      'Flooding on 3 May damaged eleven of the twenty-six public water points in Maimana. Four of them were still out of use when the team visited on 9 May.',
      'Water points visited',
      'District | Visited | Damaged',
      'Maimana city | 18 | 8',
      'Almar | 8 | 3',
      'Families in the western quarter were collecting water from the river, and the health centre reported more cases of diarrhoea among children than in April.',
    ]);
    const odt = await t.call('articles.get', { id: byName.get('prices.odt')!.articleId! });
    expect(odt).toMatchObject({ title: 'Market prices in Sheberghan, April 2024', author: 'Market Monitoring Unit', published: '2024-05-02T10:15:00', format: 'odt' });
    expect(odt.body).toContain('after the border crossing at Hairatan was closed for six days.');
    expect(odt.body).toContain('\n\nWheat flour (50 kg) | 2,150 | 2,600\n\n');
    expect(odt.body).toContain('the number of meals they eat each day. The team will return in June.');
  });

  it('reads RTF paragraphs, table rows, code-page and Unicode characters, and its info group', async () => {
    const t = make();
    const { byName } = await importPaths(t, [fixture('notes.rtf')]);
    const rtf = await t.call('articles.get', { id: byName.get('notes.rtf')!.articleId! });
    expect(rtf).toMatchObject({ title: 'Security notes, Kunduz city', author: 'Field Security Adviser', published: '2024-06-03T09:15:00', format: 'rtf' });
    expect(rtf.body.split('\n\n')).toEqual([
      'Security notes, Kunduz city',
      'The market in the old city reopened on Sunday after two days of closures; traders said customers stayed away from the café district near the river.',
      'Movement between Kunduz and Imam Sahib is possible in daylight only — convoys should leave before nine in the morning.',
      'Road | Status',
      'Kunduz – Imam Sahib | open in daylight',
      'Next update on 10 June.',
    ]);
  });

  it('reads a scanned notice (JPEG) and the scanned page of a PDF by OCR, offline, with the confidence kept', async () => {
    const t = make();
    const { byName } = await importPaths(t, [fixture('notice.jpg'), fixture('scanned.pdf')]);
    const notice = await t.call('articles.get', { id: byName.get('notice.jpg')!.articleId! });
    expect(notice.format).toBe('image');
    expect(notice.body).toMatch(/^NOTICE TO RESIDENTS OF KHANABAD DISTRICT\n\nExplosive remnants were found near the school road in Sar-e Pul village on 14 February\. Do not touch metal/);
    expect(notice.body).toContain('keep children away from the fields north of the school until the clearance team has finished.');
    expect(notice.document!.metadata.ocrConfidence).toBeGreaterThan(70);
    const pdf = await t.call('articles.get', { id: byName.get('scanned.pdf')!.articleId! });
    expect(pdf.title).toBe('Notices posted in Khanabad, February 2024');
    const at = pdf.body.indexOf('NOTICE TO RESIDENTS OF KHANABAD DISTRICT');
    expect(at).toBeGreaterThan(pdf.body.indexOf('Notices posted in February 2024'));
    expect(pageAt(pdf.document!.pageStarts, at)).toBe(2);
    expect(pdf.document!.metadata.ocrPages).toMatch(/^p\. 2 \(\d+%\)$/);
  }, 120_000);

  it('reads a page saved as MHTML and every HTML page a crawler captured in a WARC, with address and capture date', async () => {
    const t = make();
    const { report, byName } = await importPaths(t, [fixture('page.mhtml'), fixture('crawl.warc')]);
    const mhtml = await t.call('articles.get', { id: byName.get('page.mhtml')!.articleId! });
    expect(mhtml).toMatchObject({ title: 'Floods cut the road to Faizabad', url: 'https://news.example.org/2024/05/11/floods-faizabad', published: '2024-05-11', format: 'mhtml' });
    expect(mhtml.body).toContain('Flash floods washed away a section of the main road to Faizabad');
    expect(mhtml.body).not.toContain('Example News');
    expect(mhtml.document!.metadata).toMatchObject({ captured: '2024-05-11T09:12:44Z' });
    // The same page captured by the crawler is the same text: a duplicate, not a second article.
    expect(byName.get('crawl.warc › https://news.example.org/2024/05/11/floods-faizabad')).toMatchObject({ status: 'duplicate', articleId: mhtml.id });
    const clinic = await t.call('articles.get', { id: byName.get('crawl.warc › https://news.example.org/2024/05/13/clinic-jurm')!.articleId! });
    expect(clinic).toMatchObject({ title: 'Clinic reopens in Jurm', url: 'https://news.example.org/2024/05/13/clinic-jurm', format: 'warc', dateline: 'JURM, Afghanistan' });
    expect(clinic.document!.metadata).toMatchObject({ captured: '2024-05-13T11:20:00Z' });
    // Requests, the image and the crawl's own record are not articles, nor listed.
    expect(report.outcomes).toHaveLength(3);
  });

  it('reads a zip of documents in memory, folders included, each part listed with its result', async () => {
    const t = make();
    const { report } = await importPaths(t, [fixture('bundle.zip')]);
    expect(report.outcomes.map((o) => [o.name.replace(`${documents}/`, ''), o.status])).toEqual([
      ['bundle.zip › bundle/message.eml', 'imported'],
      ['bundle.zip › bundle/message.eml › khanabad-annex.pdf', 'imported'],
      ['bundle.zip › bundle/notes/andkhoy.txt', 'imported'],
      ['bundle.zip › bundle/notes/photo.jpg', 'failed'],
      ['bundle.zip › bundle/page.mhtml', 'imported'],
      ['bundle.zip › bundle/report.docx', 'imported'],
      ['bundle.zip › bundle/report.pdf', 'imported'],
    ]);
    expect(report).toMatchObject({ total: 7, done: 7, imported: 6, failed: 1 });
    expect(report.outcomes[3]!.message).toMatch(/image cannot be read/);
    const annex = await t.call('articles.get', { id: report.outcomes[1]!.articleId! });
    expect(annex.document!.parent!.id).toBe(report.outcomes[0]!.articleId);
  });

  it('refuses bad documents each with its reason, and stores everything else of the same import', async () => {
    const t = make();
    const dir = tempDir();
    const unknown = path.join(dir, 'layers.psd');
    fs.writeFileSync(unknown, Buffer.from('8BPS'));
    // A TIFF header with no page after it.
    const cutTiff = path.join(dir, 'scan.tiff');
    fs.writeFileSync(cutTiff, Buffer.from([0x49, 0x49, 0x2a, 0]));
    // A PNG that declares 20,000 × 20,000 pixels: refused from its header, never decoded.
    const huge = path.join(dir, 'poster.png');
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(header);
    header.writeUInt32BE(20_000, 16);
    header.writeUInt32BE(20_000, 20);
    fs.writeFileSync(huge, header);
    const { report, byName } = await importPaths(t, [
      fixture('encrypted.pdf'),
      fixture('garbage-text.pdf'),
      fixture('garbage.pdf'),
      fixture('bomb.zip'),
      fixture('traversal.zip'),
      unknown,
      cutTiff,
      huge,
      fixture('prices.odt'),
    ]);
    expect(byName.get('encrypted.pdf')).toMatchObject({ status: 'failed', message: expect.stringMatching(/protected by a password/) });
    expect(byName.get('garbage-text.pdf')).toMatchObject({ status: 'failed', message: expect.stringMatching(/text layer is unreadable/) });
    expect(byName.get('garbage.pdf')).toMatchObject({ status: 'failed', message: expect.stringMatching(/not a readable PDF .*damaged or cut off/) });
    expect(byName.get('bomb.zip › zeros.txt')).toMatchObject({ status: 'failed', message: expect.stringMatching(/zip bomb: 0\.2 MB would expand to 200 MB/) });
    expect(byName.get('traversal.zip › ../../escaped.txt')).toMatchObject({ status: 'failed', message: expect.stringMatching(/outside the archive/) });
    expect(byName.get('traversal.zip › inside/andkhoy.txt')).toMatchObject({ status: 'imported' });
    expect(report.outcomes.find((o) => o.name === unknown)).toMatchObject({ status: 'failed', message: expect.stringMatching(/type "\.psd" are not imported/) });
    expect(report.outcomes.find((o) => o.name === cutTiff)).toMatchObject({ status: 'failed', message: expect.stringMatching(/TIFF cannot be read: its page directory is damaged or cut off/) });
    expect(report.outcomes.find((o) => o.name === huge)).toMatchObject({ status: 'failed', message: expect.stringMatching(/20,000 × 20,000 pixels, too large/) });
    expect(byName.get('prices.odt')).toMatchObject({ status: 'imported' });
    expect(report).toMatchObject({ imported: 2, failed: 8 });
    expect((await t.call('articles.stats', {})).articles).toBe(2);
  });

  it('imports an e-mail with 200 attachments as 201 articles, every attachment linked to the message', async () => {
    const t = make();
    const parts = Array.from({ length: 200 }, (_, i) =>
      [
        '--many',
        `Content-Type: text/plain; name="report-${i + 1}.txt"`,
        `Content-Disposition: attachment; filename="report-${i + 1}.txt"`,
        '',
        `Daily report ${i + 1}: the checkpoint at kilometre ${i + 3} was open from six in the morning until four in the afternoon, and ${i + 7} trucks passed.`,
      ].join('\r\n'),
    );
    const eml = [
      'From: Convoy Desk <convoys@example.org>',
      'To: Logistics <logistics@example.org>',
      'Subject: Checkpoint reports for the season',
      'Date: Mon, 1 Jul 2024 08:00:00 +0000',
      'Content-Type: multipart/mixed; boundary="many"',
      '',
      '--many',
      'Content-Type: text/plain',
      '',
      'All two hundred daily checkpoint reports of the season are attached, one file per day, as the field teams sent them.',
      ...parts,
      '--many--',
      '',
    ].join('\r\n');
    const file = path.join(tempDir(), 'season.eml');
    fs.writeFileSync(file, eml);
    const { report } = await importPaths(t, [file]);
    expect(report).toMatchObject({ total: 201, imported: 201, failed: 0 });
    const message = await t.call('articles.get', { id: report.outcomes[0]!.articleId! });
    expect(message.document!.parts).toHaveLength(200);
    const last = await t.call('articles.get', { id: report.outcomes[200]!.articleId! });
    expect(last.document!.parent!.id).toBe(message.id);
  });
});

describe('reading documents safely', () => {
  it('reads every document fixture without opening a connection', async () => {
    const calls: string[] = [];
    const realFetch = globalThis.fetch;
    const realConnect = net.Socket.prototype.connect;
    globalThis.fetch = (async (url: unknown) => {
      calls.push(String(url));
      throw new Error('no network here');
    }) as typeof fetch;
    net.Socket.prototype.connect = function () {
      calls.push('socket');
      throw new Error('no network here');
    } as typeof realConnect;
    try {
      const names = fs.readdirSync(documents).filter((f) => !/\.(mjs|mts|md)$/.test(f));
      const read = await Promise.all(names.map((f) => documentsFromFile(f, fs.readFileSync(fixture(f))).then((d) => d.length, () => 0)));
      expect(read.reduce((a, b) => a + b, 0)).toBeGreaterThan(15);
    } finally {
      globalThis.fetch = realFetch;
      net.Socket.prototype.connect = realConnect;
    }
    expect(calls).toEqual([]);
  }, 120_000);

  it('stops a file that takes too long or kills its reader, and reads the next one with its progress', async () => {
    // A stand-in worker: it never answers for a file named "stall", dies on "crash", and reads the rest.
    const script = path.join(tempDir(), 'worker.mjs');
    fs.writeFileSync(
      script,
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', ({ id, name }) => {
         if (name.includes('stall')) return;
         if (name.includes('crash')) process.exit(3);
         parentPort.postMessage({ id, progress: { done: 25, total: 2000, unit: 'pages' } });
         parentPort.postMessage({ id, documents: [{ name, parentIndex: null, failure: 'read by the worker' }] });
       });
       parentPort.postMessage({ ready: true });`,
    );
    const saved = PARSE_LIMITS.baseMilliseconds;
    PARSE_LIMITS.baseMilliseconds = 300;
    const pool = new ParsePool(script, 1);
    try {
      expect(await pool.ready()).toBe(true);
      const settle = (p: Promise<unknown>) => p.then((d) => d, (e: Error) => ({ refused: e instanceof Refusal, message: e.message }));
      const stalled = settle(pool.parse('stall.pdf', new Uint8Array([1])));
      expect(await stalled).toEqual({ refused: true, message: expect.stringMatching(/took longer than 0 s and was stopped/) });
      await pool.ready();
      expect(await settle(pool.parse('crash.pdf', new Uint8Array([1])))).toEqual({ refused: true, message: expect.stringMatching(/could not be read/) });
      await pool.ready();
      const heard: string[] = [];
      const after = await pool.parse('after.pdf', new Uint8Array([1]), (done, total, unit) => heard.push(`${done} of ${total} ${unit}`));
      expect(after).toEqual([{ name: 'after.pdf', parentIndex: null, failure: 'read by the worker' }]);
      expect(heard).toEqual(['25 of 2000 pages']);
    } finally {
      PARSE_LIMITS.baseMilliseconds = saved;
      pool.close();
    }
  });
});
