import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDateline, extractPlainText, isChromeLine, parseDateLine } from '../../electron/services/extract/plainText.js';

const sample = fs.readFileSync(new URL('../fixtures/kunduz-offensive.txt', import.meta.url), 'utf8');

describe('extractPlainText on a scraped news page', () => {
  const article = extractPlainText(sample);

  it('finds the headline and the dateline', () => {
    expect(article.title).toBe('After a brief offensive, the Taliban invade important cities in northern Afghanistan');
    expect(article.dateline).toBe('KABUL, Afghanistan');
  });

  it('starts the body at the first paragraph and keeps the dateline in it', () => {
    expect(article.body.startsWith('KABUL, Afghanistan – The Taliban invaded two provincial capitals')).toBe(true);
    expect(article.body.endsWith('army chief on Saturday.')).toBe(true);
  });

  it('drops the shop and comment furniture', () => {
    for (const junk of ['Shopping Cart', 'No products in the cart.', 'Go to top', 'Leave Comments']) {
      expect(article.body).not.toContain(junk);
    }
  });

  it('keeps paragraphs apart', () => {
    expect(article.body.split('\n\n').length).toBe(18);
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
