import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFromText, Refusal } from '../../electron/services/extract/article.js';
import { detectDateline, extractPlainText, isChromeLine, parseDateLine } from '../../electron/services/extract/plainText.js';
import { isHardWrapped, paragraphsOf } from '../../electron/services/extract/reflow.js';

const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const sample = fixture('kunduz-offensive.txt');

describe('extractPlainText on a scraped news page', () => {
  const article = extractPlainText(sample);

  it('finds the headline and the dateline', () => {
    expect(article.title).toBe('After a brief offensive, the Taliban invade important cities in northern Afghanistan');
    expect(article.dateline).toBe('KABUL, Afghanistan');
  });

  it('stores the headline first, then the first paragraph with its dateline', () => {
    expect(article.body.startsWith(`${article.title}\n\nKABUL, Afghanistan – The Taliban invaded two provincial capitals`)).toBe(true);
    expect(article.body.endsWith('army chief on Saturday.')).toBe(true);
  });

  it('drops the shop and comment furniture', () => {
    for (const junk of ['Shopping Cart', 'No products in the cart.', 'Go to top', 'Leave Comments']) {
      expect(article.body).not.toContain(junk);
    }
  });

  it('keeps paragraphs apart: the headline and 18 paragraphs', () => {
    expect(article.body.split('\n\n').length).toBe(19);
    expect(article.published).toBeNull();
    expect(article.shape).toBe('article');
  });
});

describe('page headers', () => {
  it('reads metadata lines, a byline and a date line under the headline', () => {
    const text = [
      'Home',
      'Menu',
      'Floods cut off villages in the north',
      'By Jane Roe',
      'June 20, 2021',
      'Source: Example Wire',
      'ISLAMABAD (Reuters) - Floods cut off dozens of villages in the north of the country on Sunday, officials said, as rescue teams struggled to reach them.',
      'More rain is expected this week.',
      'Share this:',
      'Twitter',
    ].join('\n');
    const a = extractPlainText(text);
    expect(a).toMatchObject({
      title: 'Floods cut off villages in the north',
      author: 'Jane Roe',
      published: '2021-06-20',
      source: 'Example Wire',
      dateline: 'ISLAMABAD',
    });
    expect(a.body).not.toMatch(/Share this|Twitter|Menu/);
    expect(a.body.endsWith('More rain is expected this week.')).toBe(true);
  });

  it('keeps a sentence that merely mentions a cart or comments', () => {
    expect(isChromeLine('The shopping cart was found abandoned near the checkpoint, police said.')).toBe(false);
    expect(isChromeLine('Leave a Reply')).toBe(true);
    expect(isChromeLine('Back to top ↑')).toBe(true);
  });

  it('recognises datelines of several agencies and refuses shouted sentences', () => {
    expect(detectDateline('KYIV, Ukraine, June 3 (AP) — Russian forces shelled')).toBe('KYIV, Ukraine');
    expect(detectDateline('WASHINGTON -- The Senate voted')).toBe('WASHINGTON');
    expect(detectDateline('The Taliban invaded two provincial capitals')).toBeNull();
  });

  it('takes a date line only when it is a whole date', () => {
    expect(parseDateLine('Published 21 June 2021')).toBe('2021-06-21');
    expect(parseDateLine('The fighting began on Sunday and went on for days.')).toBeNull();
    expect(parseDateLine('June 21')).toBeNull();
  });
});

/** The opening paragraph of a wire story, reused under different page headers. */
const LEAD =
  'The Taliban captured the centre of Kunduz on Tuesday after government forces withdrew to the airport, two provincial council members said, in the biggest gain for the insurgents since foreign troops began leaving.';
const SECOND = 'Residents said fighters had set up checkpoints on the main roads and that shops in the old bazaar stayed closed.';

describe('headlines, bylines, dates and datelines from the shape of the page', () => {
  const cases: {
    name: string;
    lines: string[];
    expected: Partial<Record<'title' | 'author' | 'published' | 'dateline' | 'source', string | null>>;
    opens?: string;
  }[] = [
    {
      name: 'a date line printed above the headline',
      lines: ['World', 'Asia', 'June 22, 2021', 'Taliban take the centre of Kunduz as troops pull back', `KUNDUZ, Afghanistan – ${LEAD}`, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', published: '2021-06-22', dateline: 'KUNDUZ, Afghanistan' },
      opens: 'June 22, 2021\n\nTaliban take the centre of Kunduz as troops pull back\n\nKUNDUZ, Afghanistan – The Taliban',
    },
    {
      name: 'a byline printed above the headline, the date under it',
      lines: ['Skip to content', 'By Jane Doe, Associated Press', 'Taliban take the centre of Kunduz as troops pull back', 'June 22, 2021', `KUNDUZ, Afghanistan (AP) — ${LEAD}`, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', author: 'Jane Doe', published: '2021-06-22', source: 'Associated Press', dateline: 'KUNDUZ, Afghanistan' },
      opens: 'By Jane Doe, Associated Press\n\nTaliban take the centre',
    },
    {
      name: "a headline ending in '(AP)' and an 'Updated' time stamp",
      lines: ['AP News', 'Menu', 'Taliban take the centre of Kunduz as troops pull back (AP)', 'Updated 3:15 PM EDT, Tue June 22, 2021', `KABUL, Afghanistan (AP) — ${LEAD}`, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', published: '2021-06-22', dateline: 'KABUL, Afghanistan', source: 'Associated Press' },
      opens: 'Taliban take the centre of Kunduz as troops pull back (AP)\n\nUpdated 3:15 PM EDT',
    },
    {
      name: "a headline ending in '(VIDEO)' and a date with a time and zone",
      lines: ['Taliban take the centre of Kunduz as troops pull back after a week of clashes (VIDEO)', '22 June 2021 10:31 GMT', `KUNDUZ, Afghanistan – ${LEAD}`, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back after a week of clashes', published: '2021-06-22', dateline: 'KUNDUZ, Afghanistan' },
    },
    {
      name: "a headline ending in '(UPDATE 2)' with a Reuters dateline",
      lines: ['Taliban take the centre of Kunduz as troops pull back, officials say (UPDATE 2)', 'June 22, 2021', `KABUL, Afghanistan (Reuters) - ${LEAD}`, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back, officials say', published: '2021-06-22', dateline: 'KABUL, Afghanistan', source: 'Reuters' },
    },
    {
      name: "a Reuters 'UPDATE 2-' prefix and the date inside the dateline",
      lines: ['UPDATE 2-Taliban take the centre of Kunduz as troops pull back', `KABUL, June 22, 2021 (Reuters) - ${LEAD}`, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', published: '2021-06-22', dateline: 'KABUL', source: 'Reuters' },
    },
    {
      name: 'an AP byline in capitals and a date with a weekday',
      lines: ['Taliban take the centre of Kunduz as troops pull back', 'By JANE DOE and JOHN ROE Associated Press', 'Tuesday 22 June 2021 10.31 BST', `KABUL, Afghanistan (AP) — ${LEAD}`, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', author: 'JANE DOE and JOHN ROE', published: '2021-06-22', source: 'Associated Press' },
    },
    {
      name: 'an agency for a byline',
      lines: ['Taliban take the centre of Kunduz as troops pull back', 'By The Associated Press', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', author: null, source: 'Associated Press' },
    },
    {
      name: "a byline that names no one ('By a correspondent')",
      lines: ['Taliban take the centre of Kunduz as troops pull back', 'By a correspondent', 'June 22, 2021', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', author: null, published: '2021-06-22' },
    },
    {
      name: "an outlet's staff for a byline ('By Reuters staff', 'By Pajhwok Web Desk')",
      lines: ['Taliban take the centre of Kunduz as troops pull back', 'By Pajhwok Web Desk', 'June 22, 2021', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', author: null, source: 'Pajhwok', published: '2021-06-22' },
    },
    {
      name: "a wire's staff for a byline",
      lines: ['Taliban take the centre of Kunduz as troops pull back', 'By Reuters staff', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', author: null, source: 'Reuters' },
    },
    {
      name: "'Written by', 'Story by' and 'Posted by … on <date>' bylines",
      lines: ['Taliban take the centre of Kunduz as troops pull back', 'Posted by Jane Doe on June 22, 2021', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', author: 'Jane Doe', published: '2021-06-22' },
    },
    {
      name: "'Written by' above the date",
      lines: ['Taliban take the centre of Kunduz as troops pull back', 'Written by Jane Doe', 'June 22, 2021', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', author: 'Jane Doe', published: '2021-06-22' },
    },
    {
      name: "'From our correspondent in Kabul'",
      lines: ['Taliban take the centre of Kunduz as troops pull back', 'From our correspondent in Kabul', 'June 22, 2021', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', author: null, published: '2021-06-22' },
    },
    {
      name: "'By Staff Reporter' (no outlet called 'Staff')",
      lines: ['Taliban take the centre of Kunduz as troops pull back', 'By Staff Reporter', 'June 22, 2021', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', author: null, source: null, published: '2021-06-22' },
    },
    {
      name: 'the date, then the byline, on one line',
      lines: ['Taliban take the centre of Kunduz as troops pull back', 'June 22, 2021 | By Jane Doe', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', author: 'Jane Doe', published: '2021-06-22' },
    },
    {
      name: "a broadcaster's photo caption and its 'BBC News, Kabul' desk line under the headline",
      lines: ['Taliban take the centre of Kunduz as troops pull back', 'Image caption, Families fleeing the fighting near Kunduz airport on Sunday', 'By Jane Doe', 'BBC News, Kabul', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', author: 'Jane Doe', source: 'BBC' },
    },
    {
      name: 'a time before the date on one line',
      lines: ['Taliban take the centre of Kunduz as troops pull back', '10:31 AM | June 22, 2021', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', published: '2021-06-22' },
    },
    {
      name: "a date with the reading time ('21 June 2021 • 4 min read')",
      lines: ['Taliban take the centre of Kunduz as troops pull back', '21 June 2021 • 4 min read', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', published: '2021-06-21' },
    },
    {
      name: "a relative time ('2 hours ago') under the headline: no date, and not the title",
      lines: ['Taliban take the centre of Kunduz as troops pull back', '2 hours ago', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', published: null },
    },
    {
      name: 'a standfirst under the headline',
      lines: ['Taliban take the centre of Kunduz', 'Thousands flee as the insurgents seize the provincial capital after a week of clashes', 'June 22, 2021', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz', published: '2021-06-22' },
      opens: 'Taliban take the centre of Kunduz\n\nThousands flee as the insurgents seize',
    },
    {
      name: "a page title's site name after a bar, and an 'Opinion |' label",
      lines: ['Opinion | Taliban take the centre of Kunduz | Example Daily', 'June 22, 2021', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz', published: '2021-06-22' },
    },
    {
      name: "an agency after a dash ('… - Reuters')",
      lines: ['Taliban take the centre of Kunduz - Reuters', 'June 22, 2021', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz', published: '2021-06-22', source: 'Reuters' },
    },
    {
      name: 'a byline and date on one line',
      lines: ['Taliban take the centre of Kunduz as troops pull back', 'By Jane Doe | June 22, 2021', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', author: 'Jane Doe', published: '2021-06-22', dateline: null },
    },
    {
      name: 'a question for a headline',
      lines: ['Opinion', 'Who will hold Kunduz when the last foreign troops have left the north?', 'By Jane Doe', `KABUL, Afghanistan – ${LEAD}`, SECOND],
      expected: { title: 'Who will hold Kunduz when the last foreign troops have left the north?', author: 'Jane Doe', dateline: 'KABUL, Afghanistan' },
    },
    {
      name: "a cookie banner and the site's blurb above the headline",
      lines: [
        'We use cookies to give you the best experience on our website. By continuing to browse, you agree to our use of cookies.',
        'Example Daily',
        'Example Daily is the independent voice of northern Afghanistan, reporting from Kunduz, Balkh and Takhar since 2005.',
        'Taliban take the centre of Kunduz as troops pull back',
        'By Jane Doe',
        '22/06/2021',
        LEAD,
        SECOND,
      ],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', author: 'Jane Doe', published: '2021-06-22' },
      opens: 'Taliban take the centre of Kunduz as troops pull back\n\nBy Jane Doe\n\n22/06/2021\n\nThe Taliban captured',
    },
    {
      name: "a scraper's labelled metadata lines",
      lines: ['URL: https://example.org/kunduz', 'Title: Taliban take the centre of Kunduz as troops pull back', 'Source: Example Wire', 'Date: 2021-06-22', LEAD, SECOND],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', source: 'Example Wire', published: '2021-06-22' },
      opens: 'Taliban take the centre of Kunduz as troops pull back\n\nSource: Example Wire\n\nDate: 2021-06-22\n\nThe Taliban captured',
    },
    {
      name: 'a date printed only at the foot of the article',
      lines: ['Taliban take the centre of Kunduz as troops pull back', LEAD, SECOND, 'Published 22 June 2021'],
      expected: { title: 'Taliban take the centre of Kunduz as troops pull back', published: '2021-06-22' },
    },
  ];

  it.each(cases)('$name', ({ lines, expected, opens }) => {
    const article = extractPlainText(lines.join('\n'));
    expect(article).toMatchObject(expected);
    // The headline is kept in the stored text, before the first paragraph.
    const headline = lines.find((l) => l.includes(expected.title!))!.replace(/^Title: /, '');
    expect(article.body.indexOf(headline)).toBeGreaterThanOrEqual(0);
    expect(article.body.indexOf(headline)).toBeLessThan(article.body.indexOf('The Taliban captured'));
    if (opens) expect(article.body.startsWith(opens)).toBe(true);
    expect(article.body).not.toMatch(/^(World|Asia|Menu|AP News|Skip to content|Opinion)$/m);
  });

  it('parses the date formats news sites print, on the printed day', () => {
    expect(parseDateLine('June 22, 2021')).toBe('2021-06-22');
    expect(parseDateLine('22 June 2021 10:31 GMT')).toBe('2021-06-22');
    // 11:30 PM in New York is already the next day in UTC: the printed day is the one kept.
    expect(parseDateLine('Updated 11:30 PM EDT, Tue June 22, 2021')).toBe('2021-06-22');
    expect(parseDateLine('Jun 22, 2021 | 10:31 AM')).toBe('2021-06-22');
    expect(parseDateLine('First published on Tue 22 Jun 2021 10.31 BST')).toBe('2021-06-22');
    expect(parseDateLine('2021-06-22T10:31:00Z')).toBe('2021-06-22');
    expect(parseDateLine('Taliban fighters entered the city on June 22, 2021, residents said.')).toBeNull();
  });
});

describe('page furniture', () => {
  const page = extractPlainText(fixture('pages/sheberghan-scraped.txt'));

  it('drops menus, share bars, newsletter and comment prompts, related links and wire footers', () => {
    for (const junk of [
      'Skip to content',
      'Home › World',
      'Share this article',
      '4 min read',
      'Get the Morning Wire newsletter in your inbox.',
      'Related: Taliban take Zaranj',
      'Advertisement',
      'Copyright 2021',
      'may not be published',
      "Follow AP's coverage",
      'Comments are closed.',
      'Related Coverage',
      'Privacy Policy',
    ]) {
      expect(page.body).not.toContain(junk);
    }
  });

  it('keeps the headline, byline, date line and the credit line at the foot, and reads the source', () => {
    expect(page.body.split('\n\n').slice(0, 4)).toEqual([
      'Taliban fighters push into Sheberghan as Jowzjan defences crumble',
      'By Jane Holloway, Associated Press',
      'Published 7:42 AM, Saturday, August 7, 2021',
      expect.stringMatching(/^KABUL, Afghanistan \(AP\) — Taliban fighters pushed into Sheberghan/),
    ]);
    expect(page.body.endsWith('Associated Press writer Tom Baker in Islamabad contributed to this report.')).toBe(true);
    expect(page).toMatchObject({ author: 'Jane Holloway', published: '2021-08-07', source: 'Associated Press', dateline: 'KABUL, Afghanistan', shape: 'article' });
  });

  it.each([
    'Share this article: Facebook Twitter LinkedIn Email',
    'Facebook Twitter WhatsApp Email',
    'Sign up for our daily newsletter',
    'Get the Morning Briefing newsletter delivered to your inbox every day.',
    'Comments are closed.',
    'Comments on this story are closed.',
    'READ MORE: Taliban take Zaranj, first provincial capital to fall',
    'Our Standards: The Thomson Reuters Trust Principles.',
    'This article was originally published on The Conversation. Read the original article.',
    'Story continues below advertisement',
    'Home » World » Asia',
    'Sorry, the page you are looking for does not exist.',
  ])('knows "%s" for furniture', (line) => {
    expect(isChromeLine(line)).toBe(true);
  });

  it.each([
    'Reporting by Jane Doe; Editing by John Roe',
    'Associated Press writer Tom Baker in Islamabad contributed to this report.',
    'The governor told reporters the newsletter of the provincial council had stopped appearing in June.',
    'Comments by the minister were closed to the press, officials said on Monday.',
    'By Jane Doe | Reuters | June 22, 2021',
    'Kabul',
  ])('keeps "%s"', (line) => {
    expect(isChromeLine(line)).toBe(false);
  });
});

describe('pages without an article body', () => {
  const navigation = fixture('pages/navigation-only.txt');

  it('recognises a page of navigation only', () => {
    expect(extractPlainText(navigation).shape).toBe('navigation');
    expect(extractPlainText(sample).shape).toBe('article');
    expect(extractPlainText('Explosion heard near Kunduz airport').shape).toBe('no-paragraph');
  });

  it('refuses such a file with a reason, keeps pasted text with a warning, and warns of a page without a paragraph', () => {
    expect(() => articleFromText(navigation, 'text', 'front-page.txt')).toThrow(Refusal);
    expect(() => articleFromText(navigation, 'text', 'front-page.txt')).toThrow(/No article body: the page holds only navigation/);
    expect(articleFromText(navigation, 'text', null, null, 'warn').warning).toMatch(/No article body/);
    const headlineOnly = articleFromText('Explosion heard near Kunduz airport\nPhoto: Reuters', 'text', 'note.txt');
    expect(headlineOnly).toMatchObject({ title: 'Explosion heard near Kunduz airport', warning: expect.stringMatching(/No paragraph of running text/) });
    expect(articleFromText(sample, 'text', 'kunduz.txt').warning).toBeNull();
  });
});

describe('hard-wrapped text', () => {
  const wrapped = fixture('pages/maimana-hardwrapped.txt');

  it('is told apart from text with one paragraph per line and from menus', () => {
    expect(isHardWrapped(wrapped.split('\n'))).toMatchObject({ wrapped: true, width: 72 });
    expect(isHardWrapped(sample.split('\n')).wrapped).toBe(false);
    expect(isHardWrapped(fixture('pages/sheberghan-scraped.txt').split('\n')).wrapped).toBe(false);
    expect(isHardWrapped(fixture('pages/navigation-only.txt').split('\n')).wrapped).toBe(false);
  });

  it('is joined back into paragraphs, keeping the header lines apart', () => {
    const paragraphs = paragraphsOf(wrapped);
    expect(paragraphs).toHaveLength(9);
    expect(paragraphs.slice(0, 3)).toEqual(['Afghan forces retake Maimana road after Taliban assault', 'By Sarah Lindqvist', 'June 22, 2021']);
    expect(paragraphs[3]).toBe(
      'MAIMANA, Afghanistan - Afghan commandos reopened the main road into Maimana, the capital of Faryab province, on Tuesday after two days of fighting with Taliban fighters who had surrounded the city, the Ministry of Defence said.',
    );
    const article = extractPlainText(wrapped);
    expect(article).toMatchObject({ title: 'Afghan forces retake Maimana road after Taliban assault', author: 'Sarah Lindqvist', published: '2021-06-22', dateline: 'MAIMANA, Afghanistan' });
    expect(article.body.endsWith('Reporting by Sarah Lindqvist; Editing by Mark Ellis')).toBe(true);
  });

  it('joins a word hyphenated at a line end and starts a paragraph at an indented line', () => {
    const text = [
      'Fighting continued for a third day around the district centre, where a well-',
      'known commander had gathered several hundred men from the surrounding villages',
      'before dawn, residents said on the telephone from the provincial capital.',
      '    Elders from both sides met in the mosque on Thursday evening but could not',
      'agree on the terms of a ceasefire or on the exchange of prisoners and bodies,',
      'according to two people who attended the meeting and spoke on condition of',
      'anonymity.',
    ].join('\n');
    expect(paragraphsOf(text)).toEqual([
      'Fighting continued for a third day around the district centre, where a well-known commander had gathered several hundred men from the surrounding villages before dawn, residents said on the telephone from the provincial capital.',
      'Elders from both sides met in the mosque on Thursday evening but could not agree on the terms of a ceasefire or on the exchange of prisoners and bodies, according to two people who attended the meeting and spoke on condition of anonymity.',
    ]);
  });
});

describe('the byline an HTML page marks as such', () => {
  const paragraphs = Array.from({ length: 3 }, (_, i) => `<p>Paragraph ${i + 1}: the Taliban captured the centre of Kunduz on Sunday after days of fighting with government forces, officials said, as families fled.</p>`).join('');
  const page = (byline: string) => `<html><head><title>Taliban take Kunduz</title></head><body><article><h1>Taliban take Kunduz</h1><p class="byline">${byline}</p>${paragraphs}</article></body></html>`;

  it('gives the author without "By", and no author for a byline that names no one', () => {
    expect(articleFromText(page('By Jane Doe'), 'html', 'a.html').author).toBe('Jane Doe');
    expect(articleFromText(page('Written by Jane Doe and John Roe'), 'html', 'a.html').author).toBe('Jane Doe and John Roe');
    expect(articleFromText(page('By a correspondent'), 'html', 'a.html').author).toBeNull();
  });
});
