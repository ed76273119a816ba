import { describe, expect, it } from 'vitest';
import { currentAdminCodes, type CurrentTown, type TownRecord } from '../../electron/services/gazetteer/adminCodes.js';

// Norway's Viken (NO.30) was split in 2024 into Østfold (NO.13), Akershus (NO.01) and Buskerud (NO.04).
const town = (name: string, lat: number, lon: number, admin1: string, admin2: string): TownRecord => ({ country: 'NO', name, lat, lon, admin1, admin2 });
const now = (name: string, lat: number, lon: number, admin1: string, admin2: string): CurrentTown => ({ country: 'NO', name, lat: String(lat), lng: String(lon), admin1, admin2 });
const tables = {
  admin1: (code: string) => ['NO.13', 'NO.01', 'NO.04', 'NO.12'].includes(code),
  admin2: (code: string) => ['NO.13.3105', 'NO.04.3301', 'NO.12.0301'].includes(code),
};

describe('towns take the admin codes of the tables that name them', () => {
  it('gives a town the current tables hold their codes, matched by name and point', () => {
    const towns = [town('Drammen', 59.74389, 10.20449, '30', '3005'), town('Oslo', 59.91273, 10.74609, '12', '0301')];
    const codes = currentAdminCodes(towns, [now('Drammen', 59.7439, 10.2045, '04', '3301'), now('Oslo', 59.91273, 10.74609, '12', '0301')], tables);
    expect(codes).toEqual([{ admin1: '04', admin2: '3301' }, { admin1: '12', admin2: '0301' }]);
  });

  it('moves a small town whose province no longer exists to where its nearest old neighbour went, keeping the district only where they shared one', () => {
    const towns = [
      town('Sarpsborg', 59.28, 11.11, '30', '3003'),
      town('Drammen', 59.74, 10.2, '30', '3005'),
      town('Tune', 59.3, 11.08, '30', '3003'),
      town('Mjøndalen', 59.75, 10.02, '30', '3048'),
    ];
    const codes = currentAdminCodes(towns, [now('Sarpsborg', 59.28, 11.11, '13', '3105'), now('Drammen', 59.74, 10.2, '04', '3301')], tables);
    expect(codes[2]).toEqual({ admin1: '13', admin2: '3105' });
    expect(codes[3]).toEqual({ admin1: '04', admin2: '' });
  });

  it('moves a small town whose old code the tables now give another province, but not the neighbours of a town or two that moved', () => {
    const vn = (name: string, lat: number, lon: number, admin1: string): TownRecord => ({ country: 'VN', name, lat, lon, admin1, admin2: '' });
    const vnNow = (name: string, lat: number, lon: number, admin1: string): CurrentTown => ({ country: 'VN', name, lat: String(lat), lng: String(lon), admin1, admin2: '' });
    // Hanoi was VN.44; Quảng Trị is VN.44 now and Hanoi VN.01.
    const knowsBoth = { admin1: (code: string) => ['VN.44', 'VN.01', 'CH.BE', 'CH.JU'].includes(code), admin2: () => true };
    const hanoi = [vn('Ba Dinh', 21.03, 105.82, '44'), vn('Hoan Kiem', 21.03, 105.85, '44'), vn('Dong Da', 21.01, 105.83, '44')];
    expect(currentAdminCodes(hanoi, [vnNow('Ba Dinh', 21.03, 105.82, '01'), vnNow('Hoan Kiem', 21.03, 105.85, '01')], knowsBoth)[2]).toEqual({ admin1: '01', admin2: '' });
    // Moutier moved from Bern to Jura in 2026; Perrefitte beside it did not.
    const ch = (name: string, lat: number, lon: number): TownRecord => ({ country: 'CH', name, lat, lon, admin1: 'BE', admin2: '' });
    const chNow = (name: string, lat: number, lon: number, admin1: string): CurrentTown => ({ country: 'CH', name, lat: String(lat), lng: String(lon), admin1, admin2: '' });
    const bern = [ch('Moutier', 47.28, 7.37), ch('Biel', 47.14, 7.25), ch('Thun', 46.75, 7.63), ch('Perrefitte', 47.27, 7.34)];
    const codes = currentAdminCodes(bern, [chNow('Moutier', 47.28, 7.37, 'JU'), chNow('Biel', 47.14, 7.25, 'BE'), chNow('Thun', 46.75, 7.63, 'BE')], knowsBoth);
    expect(codes.map((c) => c.admin1)).toEqual(['JU', 'BE', 'BE', 'BE']);
  });

  it('keeps the codes of a town not found whose codes the tables still know, or that has no neighbour to follow', () => {
    const towns = [town('Bygdøy', 59.9, 10.68, '12', '0301'), town('Hamlet', 60.1, 11.2, '99', '9999')];
    expect(currentAdminCodes(towns, [], tables)).toEqual([{ admin1: '12', admin2: '0301' }, { admin1: '99', admin2: '9999' }]);
  });
});
