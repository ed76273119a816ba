import { describe, expect, it } from 'vitest';
import { objectUuid, uuidV5 } from '../../db/identity.js';
import { fromCodePoints, toCodePoints } from '../../electron/services/exports/offsets.js';
import { eventPeriod, endInstant, periodOf, startInstant } from '../../electron/services/exports/period.js';
import { defuseCell, mdText, restoreCell } from '../../electron/services/exports/safeText.js';
import { centroidOf } from '../../electron/services/exports/geoImport.js';
import { readConll } from '../../electron/services/exports/conllImport.js';
import { detectExchange } from '../../electron/services/exports/exchange.js';

describe('stable identifiers', () => {
  it('uuidV5 is RFC 9562 version 5 (the DNS namespace example from Python’s uuid module)', () => {
    // python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))"
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('the same record of one workspace always gets the same id; another workspace or another kind never does', () => {
    const a = '0f9a3c1e-5b7d-4e2a-9c4b-1d2e3f4a5b6c';
    const b = '7d1e2f3a-4b5c-4d6e-8f7a-8b9c0d1e2f3a';
    expect(objectUuid(a, 'entity', 7)).toBe(objectUuid(a, 'entity', 7));
    expect(objectUuid(a, 'entity', 7)).not.toBe(objectUuid(b, 'entity', 7));
    expect(objectUuid(a, 'entity', 7)).not.toBe(objectUuid(a, 'mention', 7));
    expect(objectUuid(a, 'entity', 7)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('offsets in code points', () => {
  const text = 'Fighters 🔥 entered Kunduz 🇦🇫 at dawn';
  it('maps UTF-16 offsets to code points and back past emoji (a flag is two code points)', () => {
    const kunduz = text.indexOf('Kunduz');
    const cp = toCodePoints(text)(kunduz);
    expect([...text].slice(cp, cp + 6).join('')).toBe('Kunduz');
    expect(cp).toBe(kunduz - 1);
    const dawn = text.indexOf('dawn');
    expect(toCodePoints(text)(dawn)).toBe(dawn - 3);
    expect(fromCodePoints(text)(toCodePoints(text)(dawn))).toBe(dawn);
    expect(fromCodePoints(text)([...text].length)).toBe(text.length);
    expect(fromCodePoints(text)([...text].length + 1)).toBeNull();
  });
});

describe('partial dates as periods', () => {
  it('a month is the whole month, a year the whole year, a day its day', () => {
    expect(periodOf('2021-06')).toEqual({ start: '2021-06-01', end: '2021-06-30', precision: 'month' });
    expect(periodOf('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29', precision: 'month' });
    expect(periodOf('2021')).toEqual({ start: '2021-01-01', end: '2021-12-31', precision: 'year' });
    expect(periodOf('2021-06-20')).toEqual({ start: '2021-06-20', end: '2021-06-20', precision: 'day' });
    expect(periodOf('June')).toBeNull();
  });
  it('a one-day period stops after it starts (STIX stop_time must be later than start_time)', () => {
    const day = periodOf('2021-06-20')!;
    expect(endInstant(day) > startInstant(day)).toBe(true);
    expect(endInstant(day)).toBe('2021-06-20T23:59:59.999Z');
  });
  it('an event coded within a week or a month spans it', () => {
    expect(eventPeriod('2021-06-20', 1)).toMatchObject({ start: '2021-06-20', end: '2021-06-20' });
    expect(eventPeriod('2021-06-20', 2)).toMatchObject({ start: '2021-06-17', end: '2021-06-23', precision: 'week' });
    expect(eventPeriod('2021-06-20', 3)).toMatchObject({ start: '2021-06-01', end: '2021-06-30', precision: 'month' });
  });
});

describe('spreadsheet cells', () => {
  it('our readers take off exactly the apostrophe the writer put on', () => {
    for (const cell of ['=cmd|/c calc', '+1', '-2', '@SUM(A1)', 'a; =b', 'plain', "'quoted already", 'x;\t=y']) expect(restoreCell(String(defuseCell(cell)))).toBe(cell);
  });
});

describe('Markdown text', () => {
  it('bare addresses start no link; the text reads the same', () => {
    expect(mdText('see https://evil.example/x or www.evil.example, mail a@b.example')).toBe('see https\\://evil.example/x or www\\.evil.example, mail a\\@b.example');
  });
});

describe('geometry centroids', () => {
  it('a square polygon at its centre, a line at its middle, a hole pulls it away', () => {
    expect(centroidOf({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] })).toMatchObject({ lon: 1, lat: 1 });
    expect(centroidOf({ type: 'LineString', coordinates: [[0, 0], [4, 0]] })).toMatchObject({ lon: 2, lat: 0 });
    const holed = centroidOf({ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[2, 0], [4, 0], [4, 4], [2, 4], [2, 0]].reverse()] })!;
    expect(holed.lon).toBeCloseTo(1, 6);
    expect(centroidOf({ type: 'Point', coordinates: [200, 0] })).toBeNull();
  });
});

describe('CoNLL reading', () => {
  it('IOB1, IOB2 and BIOES spans over tokens joined by spaces, sentences by line breaks', () => {
    const { documents } = readConll(['-DOCSTART- -X- O O', '', 'EU NNP I-NP I-ORG', 'rejects VBZ I-VP O', 'German JJ I-NP I-MISC', 'call NN I-NP O', '', 'Peter B-PER', 'Blackburn E-PER', 'in O', 'New B-LOC', 'York I-LOC'].join('\n'));
    expect(documents).toHaveLength(1);
    const d = documents[0]!;
    expect(d.text).toBe('EU rejects German call\nPeter Blackburn in New York');
    expect(d.spans.map((s) => [d.text.slice(s.start, s.end), s.tag])).toEqual([
      ['EU', 'ORG'],
      ['German', 'MISC'],
      ['Peter Blackburn', 'PER'],
      ['New York', 'LOC'],
    ]);
  });
  it('tells CoNLL, brat and KML apart from an article', () => {
    expect(detectExchange('Peter B-PER\nBlackburn I-PER\nsaid O\n')).toBe('conll');
    expect(detectExchange('T1\tPerson 0 5\tPeter\n')).toBe('brat');
    expect(detectExchange('<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>')).toBe('kml');
    expect(detectExchange('Kabul was quiet on Monday.\nThe market reopened.\nShops were busy.\n', 'story.txt')).toBeNull();
  });
});
