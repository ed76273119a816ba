/** The map view registers how to photograph itself; the report dialog asks for the picture. */
let take: (() => Promise<string | null>) | null = null;

export function registerMapSnapshot(fn: () => Promise<string | null>): () => void {
  take = fn;
  return () => {
    if (take === fn) take = null;
  };
}

/** The map as shown, as a PNG data URL; null when no map is on screen. */
export function snapshotMap(): Promise<string | null> {
  return take ? take() : Promise.resolve(null);
}
