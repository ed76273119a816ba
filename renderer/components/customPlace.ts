/** A custom place as the analyst types it: a name and two coordinates, in any of the usual ways of writing them. */
export interface CustomPlaceText {
  name: string;
  lat: string;
  lon: string;
}

/** One coordinate in decimal degrees: "36.41", "-64.9", "36.41° N", "64.91 W". */
function degrees(text: string, axis: 'Latitude' | 'Longitude'): number | string {
  const t = text.trim().replace(/°/g, ' ').replace(/\s+/g, ' ');
  if (!t) return `Type the ${axis.toLowerCase()} in decimal degrees, such as ${axis === 'Latitude' ? '36.41' : '64.91'}.`;
  const m = /^([-+−]?\d+(?:\.\d+)?) ?([NSEW])?$/i.exec(t);
  if (!m) return `${axis} “${text.trim()}” is not a number of degrees: type it as ${axis === 'Latitude' ? '36.41 (or 36.41 N)' : '64.91 (or 64.91 E)'}.`;
  const hemisphere = m[2]?.toUpperCase();
  if (hemisphere && (axis === 'Latitude') !== (hemisphere === 'N' || hemisphere === 'S')) return `${axis} cannot be ${hemisphere === 'N' || hemisphere === 'S' ? 'north or south' : 'east or west'}: check which field it belongs in.`;
  const value = Number(m[1]!.replace('−', '-'));
  const signed = hemisphere === 'S' || hemisphere === 'W' ? -Math.abs(value) : value;
  const limit = axis === 'Latitude' ? 90 : 180;
  if (Math.abs(signed) > limit) return `${axis} must be between −${limit} and ${limit}; ${signed} is off the map.`;
  return signed;
}

/**
 * Reads what the analyst typed, or says in plain words what is wrong. "36.41, 64.91" pasted
 * into the latitude (as map sites copy a point) is read as both coordinates.
 */
export function readCustomPlace(input: CustomPlaceText): { name: string; lat: number; lon: number } | { error: string } {
  const name = input.name.trim();
  if (!name) return { error: 'Give the place a name.' };
  if (name.length > 200) return { error: 'A place name can be 200 characters at most.' };
  let [latText, lonText] = [input.lat, input.lon];
  const pair = /^\s*([^,;]+?)\s*[,;]\s*([^,;]+?)\s*$/.exec(latText);
  if (!lonText.trim() && pair) [latText, lonText] = [pair[1]!, pair[2]!];
  const lat = degrees(latText, 'Latitude');
  if (typeof lat === 'string') return { error: lat };
  const lon = degrees(lonText, 'Longitude');
  if (typeof lon === 'string') return { error: lon };
  return { name, lat, lon };
}
