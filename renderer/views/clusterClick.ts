import type { MapGeoJSONFeature, PointLike } from 'maplibre-gl';

/** The little of a map a click on a cluster needs (a fake stands in for it in tests). */
export interface ClusterMap {
  isSourceLoaded(source: string): boolean;
  queryRenderedFeatures(point: PointLike, options: { layers: string[] }): MapGeoJSONFeature[];
  once(type: 'idle', listener: () => void): unknown;
}

/**
 * Answers a click on a cluster: `true` once done (or nothing to do), `false` when `current()` turned
 * false during the answer and nothing was shown.
 */
export type ClusterAnswer = (cluster: MapGeoJSONFeature, current: () => boolean) => Promise<boolean>;

/** How often a click is read again before it is let go: the data changed under every reading. */
const TRIES = 5;

/**
 * A cluster's id is good only for the data it was drawn from. New data (an event coded elsewhere,
 * an import's batch) is clustered again in the source's worker, and an old id then names another
 * cluster: its leaves were listed under the old count, and "Show all 31" (a crowd at Kunduz) filtered
 * the tables to a box that reached Helmand, hundreds of kilometres away (32 events; seen in CI). So a click is read from a settled source
 * (its data sent and its tiles drawn from it), and read again at the same point, once the new data
 * is drawn, when the data changed while it was being answered. `version` counts the source's `setData`.
 */
export function clickCluster(map: ClusterMap, source: string, layer: string, version: () => number, point: PointLike, answer: ClusterAnswer, tries = TRIES): void {
  const again = () => {
    if (tries <= 1) return;
    const retry = () => clickCluster(map, source, layer, version, point, answer, tries - 1);
    // The new data may be drawn already (the map then stays idle until the next change): read it now.
    if (map.isSourceLoaded(source)) setTimeout(retry, 0);
    else map.once('idle', retry);
  };
  if (!map.isSourceLoaded(source)) return again();
  const cluster = map.queryRenderedFeatures(point, { layers: [layer] })[0];
  if (!cluster) return;
  const asked = version();
  const current = () => version() === asked && map.isSourceLoaded(source);
  void answer(cluster, current).then((done) => {
    if (!done) again();
  });
}
