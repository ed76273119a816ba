import { describe, expect, it } from 'vitest';
import { detectExchange } from '../../electron/services/exports/exchange.js';
import { describedEvent } from '../../electron/services/exports/ftmImport.js';

describe('telling STIX and FollowTheMoney files apart from the other exchange formats', () => {
  it('by content, whatever the file is called', () => {
    expect(detectExchange('{"type": "bundle", "id": "bundle--1", "objects": []}', 'partner.json')).toBe('stix');
    expect(detectExchange('{"type": "identity", "spec_version": "2.1", "id": "identity--311b2d2d-f010-4473-83ec-1edf84858f4c"}')).toBe('stix');
    // A cut-off bundle is still a bundle: its import then says what is wrong with it.
    expect(detectExchange('{"type": "bundle", "id": "bundle--1", "objects": [{"type": "ident')).toBe('stix');
    const lines = ['{"id": "a", "schema": "Person", "properties": {"name": ["A"]}}', '{"id": "b", "schema": "Company", "properties": {"name": ["B"]}}'].join('\n');
    expect(detectExchange(lines, 'sanctions.ftm.json')).toBe('ftm');
    expect(detectExchange(`[${lines.replace('\n', ',')}]`)).toBe('ftm');
    expect(detectExchange('{"type": "FeatureCollection", "features": []}')).toBe('geojson');
    expect(detectExchange('{"type": "AnnotationCollection", "first": {"items": []}}')).toBe('w3c');
    expect(detectExchange('{"id": "a", "name": "no schema"}\n{"id": "b"}')).toBeNull();
  });
});

describe('an FtM event description as our export writes it', () => {
  it('gives back the coding FtM has no property for', () => {
    expect(describedEvent('Battles; 4 fatalities; geo precision 1; time precision 2; actor 1: Rebel group; actor 2: State forces; associates: 1 with actor 1, 0 with actor 2; civilian targeting')).toEqual({
      fatalities: 4,
      geoPrecision: 1,
      timePrecision: 2,
      actor1: 2,
      actor2: 1,
      associates1: 1,
      associates2: 0,
      civilianTargeting: true,
    });
  });

  it('says nothing where another tool wrote prose', () => {
    expect(describedEvent('Clashes were reported near the crossing.')).toMatchObject({ fatalities: null, geoPrecision: null, timePrecision: null, actor1: null, actor2: null, civilianTargeting: false });
  });
});
