import { describe, expect, it } from 'vitest';
import type { MapPlace } from '../../electron/contract/index.js';
import { cityTier, selectionGeoJson, spotLabel, spotsGeoJson, spotsOf } from '../../renderer/views/mapData.js';

// Kunduz province is stored at its capital's point (GeoNames), as are Takhar and Taloqan.
const kunduzCity: MapPlace = { entityId: 1, name: 'Kunduz', lat: 36.72895, lon: 68.857, mentions: 9 };
const kunduzProvince: MapPlace = { entityId: 2, name: 'Kunduz', lat: 36.72895, lon: 68.857, mentions: 3 };
const takhar: MapPlace = { entityId: 3, name: '', lat: 36.73605, lon: 69.53451, mentions: 5 };
const taloqan: MapPlace = { entityId: 4, name: 'Taloqan', lat: 36.73605, lon: 69.53451, mentions: 2 };
const maymana: MapPlace = { entityId: 5, name: 'Maymana', lat: 35.92139, lon: 64.78361, mentions: 4 };

describe('places that share a point are one spot', () => {
  it('groups by exact point, the most-mentioned place first', () => {
    const spots = spotsOf([kunduzProvince, maymana, kunduzCity, taloqan, takhar]);
    expect(spots.map((s) => s.places.map((p) => p.entityId))).toEqual([[1, 2], [5], [3, 4]]);
  });

  it('is labelled by its best-known name and how many more share it', () => {
    const [kunduz, maymanaSpot, takharSpot] = spotsOf([kunduzCity, kunduzProvince, maymana, takhar, taloqan]);
    expect(spotLabel(kunduz!)).toBe('Kunduz +1');
    expect(spotLabel(maymanaSpot!)).toBe('Maymana');
    // Takhar has no name yet (only the most-mentioned come named): the named place speaks for the spot.
    expect(spotLabel(takharSpot!)).toBe('Taloqan +1');
  });

  it('sums mentions and counts places, for the clusters to add up', () => {
    const features = spotsGeoJson(spotsOf([kunduzCity, kunduzProvince, maymana])).features;
    expect(features.map((f) => f.properties)).toEqual([
      { entityId: 1, name: 'Kunduz +1', mentions: 12, count: 2 },
      { entityId: 5, name: 'Maymana', mentions: 4, count: 1 },
    ]);
  });
});

describe('the selection layer', () => {
  const byId = new Map([kunduzCity, kunduzProvince, maymana].map((p) => [p.entityId, p]));

  it('rings each selected place once per point, names it once, and skips places not on the map', () => {
    const features = selectionGeoJson([2, 1, 99], byId, null).features;
    expect(features.map((f) => [f.properties!.entityId, f.properties!.name])).toEqual([
      [2, 'Kunduz'],
      [1, ''],
    ]);
  });

  it('draws the selected event in its type colour', () => {
    const [event] = selectionGeoJson([], byId, { id: 7, eventType: 'Battles', lat: 36.7, lon: 68.9, geoPrecision: 1, fatalities: 4 }).features;
    expect(event!.properties).toMatchObject({ kind: 'event', id: 7, color: '#b91c1c', letter: 'B' });
  });

  it('draws the events linked to the selection outside the clusters, the selected one once and as selected', () => {
    const battle = { id: 7, eventType: 'Battles', lat: 36.7, lon: 68.9, geoPrecision: 1, fatalities: 4 };
    const riot = { id: 8, eventType: 'Riots', lat: 36.6, lon: 68.8, geoPrecision: 2, fatalities: 0 };
    const features = selectionGeoJson([], byId, battle, [battle, riot]).features;
    expect(features.map((f) => [f.properties!.kind, f.properties!.id])).toEqual([
      ['linked', 8],
      ['event', 7],
    ]);
  });
});

describe('basemap city tiers', () => {
  it('names capitals and millions first, then smaller towns', () => {
    expect(cityTier(64_256, true)).toBe(0);
    expect(cityTier(4_434_550, false)).toBe(0);
    expect(cityTier(574_300, false)).toBe(1);
    expect(cityTier(161_902, false)).toBe(2);
    expect(cityTier(64_256, false)).toBe(3);
  });
});
