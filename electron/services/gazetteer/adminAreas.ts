import Database from 'better-sqlite3-multiple-ciphers';
import type { Gazetteer, Place } from './gazetteer.js';

/** A read-only handle per gazetteer file, for the hierarchy look-ups the Gazetteer class does not make. */
const handles = new WeakMap<Gazetteer, Database.Statement>();

function admin2Statement(gazetteer: Gazetteer): Database.Statement {
  let statement = handles.get(gazetteer);
  if (!statement) {
    const db = new Database(gazetteer.file, { readonly: true, fileMustExist: true, nativeBinding: process.env.AWB_SQLITE_BINDING || undefined });
    statement = db.prepare("SELECT name FROM place WHERE kind = 'admin2' AND admin2 = ? LIMIT 1").pluck();
    handles.set(gazetteer, statement);
  }
  return statement;
}

/**
 * The first- and second-order admin areas a gazetteer place lies in (a province and its district,
 * county or municipality), by name, as ACLED's admin1 and admin2 give them; an area is its own.
 * GeoNames' cities500 and admin tables know no third order, so admin3 has no source here.
 */
export function adminAreasOf(gazetteer: Gazetteer, place: Place): { admin1: string | null; admin2: string | null } {
  const admin1 = place.kind === 'admin1' ? place.name : (place.admin1Name ?? null);
  if (place.kind === 'admin2') return { admin1, admin2: place.name };
  if (place.kind !== 'city' || !place.admin2) return { admin1, admin2: null };
  return { admin1, admin2: (admin2Statement(gazetteer).get(place.admin2) as string | undefined) ?? null };
}
