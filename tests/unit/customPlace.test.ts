import { describe, expect, it } from 'vitest';
import { readCustomPlace } from '../../renderer/components/customPlace.js';

const read = (lat: string, lon: string, name = 'Dawlat Abad checkpoint') => readCustomPlace({ name, lat, lon });

describe('a custom place as the analyst types it', () => {
  it('reads decimal degrees, signs and hemisphere letters', () => {
    expect(read('36.41', '64.91')).toEqual({ name: 'Dawlat Abad checkpoint', lat: 36.41, lon: 64.91 });
    expect(read(' -33.9 ', '−70.6')).toMatchObject({ lat: -33.9, lon: -70.6 });
    expect(read('33.9° S', '70.6 W')).toMatchObject({ lat: -33.9, lon: -70.6 });
    expect(read('36.41 n', '64.91e')).toMatchObject({ lat: 36.41, lon: 64.91 });
  });

  it('reads a point pasted whole into the latitude', () => {
    expect(read('34.946, 69.265', '')).toMatchObject({ lat: 34.946, lon: 69.265 });
    expect(read('34.946;69.265', ' ')).toMatchObject({ lat: 34.946, lon: 69.265 });
  });

  it('says in plain words what is wrong', () => {
    expect(read('36.41', '64.91', '   ')).toEqual({ error: 'Give the place a name.' });
    expect(read('', '64.91')).toEqual({ error: 'Type the latitude in decimal degrees, such as 36.41.' });
    expect(read('36.41', '')).toEqual({ error: 'Type the longitude in decimal degrees, such as 64.91.' });
    expect(read('north', '64.91')).toEqual({ error: 'Latitude “north” is not a number of degrees: type it as 36.41 (or 36.41 N).' });
    expect(read('95', '64.91')).toEqual({ error: 'Latitude must be between −90 and 90; 95 is off the map.' });
    expect(read('36', '-181')).toEqual({ error: 'Longitude must be between −180 and 180; -181 is off the map.' });
    expect(read('64.91 E', '36.41 N')).toEqual({ error: 'Latitude cannot be east or west: check which field it belongs in.' });
    expect(read('36.41', '64.91', 'x'.repeat(201))).toEqual({ error: 'A place name can be 200 characters at most.' });
  });
});
