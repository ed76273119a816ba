import { describe, expect, it } from 'vitest';
import { proposeFatalities, readFatalities } from '../../electron/services/events/fatalities.js';

describe('fatality figures, read conservatively', () => {
  it('reads numbers, words and qualifiers', () => {
    expect(readFatalities('the Taliban recently killed more than 20 of the government’s most elite forces').figure).toBe(20);
    expect(readFatalities('killing at least 12 soldiers').figure).toBe(12);
    expect(readFatalities('Artillery fire killed five civilians').figure).toBe(5);
    expect(readFatalities('twenty-three people died').figure).toBe(23);
    expect(readFatalities('1,200 bodies were found').figure).toBe(1200);
  });

  it('counts vague quantities the ACLED way', () => {
    expect(readFatalities('dozens of people were killed').figure).toBe(12);
    expect(readFatalities('several civilians were killed').figure).toBe(3);
    expect(readFatalities('hundreds dead after the bombing').figure).toBe(100);
    expect(readFatalities('a soldier and his wife were killed').figure).not.toBeNull();
  });

  it('ignores quotes that report no deaths', () => {
    expect(readFatalities('dozens of government forces surrendered after running out of ammunition').figure).toBeNull();
  });

  it('proposes the lowest credible figure when reports conflict', () => {
    const { proposal, readings } = proposeFatalities(['Officials said 14 people were killed.', 'Residents said dozens were killed.', 'Police said 9 people died.']);
    expect(proposal).toBe(9);
    expect(readings.map((r) => r.figure)).toEqual([14, 12, 9]);
  });
});
