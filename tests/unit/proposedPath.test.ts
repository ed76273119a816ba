import { describe, expect, it } from 'vitest';
import { withEndingOf } from '../../renderer/state/useProposedPath.js';

describe('a typed save path under a new format', () => {
  it('keeps the folder and name and takes the format’s ending', () => {
    expect(withEndingOf('/home/a/case/report.md', '/home/a/Documents/awb-report-2026-11-29.pdf')).toBe('/home/a/case/report.pdf');
    expect(withEndingOf('C:\\cases\\kunduz.csv', 'C:\\Users\\a\\Documents\\events.xlsx')).toBe('C:\\cases\\kunduz.xlsx');
  });
  it('adds an ending to a name without one, and drops it for a folder format', () => {
    expect(withEndingOf('/tmp/summary', '/d/events.kml')).toBe('/tmp/summary.kml');
    expect(withEndingOf('/tmp/annotations.json', '/d/brat-export')).toBe('/tmp/annotations');
  });
  it('does not take a dot in a folder name for an ending', () => {
    expect(withEndingOf('/tmp/v1.2/notes', '/d/r.html')).toBe('/tmp/v1.2/notes.html');
  });
  it('takes the proposal when nothing was typed', () => {
    expect(withEndingOf('  ', '/d/r.html')).toBe('/d/r.html');
  });
});
