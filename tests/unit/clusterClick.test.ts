import type { MapGeoJSONFeature } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { clickCluster, type ClusterMap } from '../../renderer/views/clusterClick.js';

/** A map whose source is clustered again whenever the test says, with its clusters' ids renumbered. */
function fakeMap() {
  const state = { version: 0, loaded: true, clusterId: 1 };
  const idle: (() => void)[] = [];
  const map: ClusterMap = {
    isSourceLoaded: () => state.loaded,
    queryRenderedFeatures: () => [{ properties: { cluster_id: state.clusterId } } as unknown as MapGeoJSONFeature],
    once: (_type, listener) => idle.push(listener),
  };
  return {
    map,
    state,
    /** New data, clustered again: the crowd under the pointer gets another id once it is drawn. */
    newData: () => {
      state.version += 1;
      state.loaded = false;
    },
    /** The new data drawn: the map goes idle. */
    goIdle: () => {
      if (!state.loaded) state.clusterId += 10;
      state.loaded = true;
      idle.splice(0).forEach((listener) => listener());
    },
    idleWaiting: () => idle.length,
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a click on a cluster is answered from the data it was drawn from', () => {
  it('answers at once when the data stays', async () => {
    const fake = fakeMap();
    const shown: number[] = [];
    clickCluster(fake.map, 'events', 'event-clusters', () => fake.state.version, [10, 10], async (cluster, current) => {
      if (!current()) return false;
      shown.push(cluster.properties.cluster_id as number);
      return true;
    });
    await tick();
    expect(shown).toEqual([1]);
    expect(fake.idleWaiting()).toBe(0);
  });

  it('shows nothing from an old id when new data came while it was answered, and reads the click again once the map is idle', async () => {
    const fake = fakeMap();
    const shown: number[] = [];
    let asked = 0;
    clickCluster(fake.map, 'events', 'event-clusters', () => fake.state.version, [10, 10], async (cluster, current) => {
      asked += 1;
      // The worker answers for the cluster id asked; an event coded meanwhile reclusters the source.
      if (asked === 1) fake.newData();
      await tick();
      if (!current()) return false;
      shown.push(cluster.properties.cluster_id as number);
      return true;
    });
    await tick();
    await tick();
    expect(shown).toEqual([]);
    expect(fake.idleWaiting()).toBe(1);
    fake.goIdle();
    await tick();
    await tick();
    expect(shown).toEqual([11]);
  });

  it('waits for a source whose new data is not drawn yet before reading the click', async () => {
    const fake = fakeMap();
    fake.newData();
    const shown: number[] = [];
    clickCluster(fake.map, 'events', 'event-clusters', () => fake.state.version, [10, 10], async (cluster) => {
      shown.push(cluster.properties.cluster_id as number);
      return true;
    });
    await tick();
    expect(shown).toEqual([]);
    fake.goIdle();
    await tick();
    expect(shown).toEqual([11]);
  });

  it('reads the click again at once when the new data was drawn before the answer came back', async () => {
    const fake = fakeMap();
    const shown: number[] = [];
    let asked = 0;
    clickCluster(fake.map, 'events', 'event-clusters', () => fake.state.version, [10, 10], async (cluster, current) => {
      asked += 1;
      if (asked === 1) {
        fake.newData();
        // Drawn, and idle, while this answer was still waiting on the worker.
        fake.goIdle();
      }
      await tick();
      if (!current()) return false;
      shown.push(cluster.properties.cluster_id as number);
      return true;
    });
    for (let i = 0; i < 4; i++) await tick();
    expect(fake.idleWaiting()).toBe(0);
    expect(shown).toEqual([11]);
  });

  it('lets a click go after five readings that the data changed under', async () => {
    const fake = fakeMap();
    let asked = 0;
    clickCluster(fake.map, 'events', 'event-clusters', () => fake.state.version, [10, 10], async (_cluster, current) => {
      asked += 1;
      fake.newData();
      return current();
    });
    for (let i = 0; i < 10; i++) {
      await tick();
      fake.goIdle();
    }
    expect(asked).toBe(5);
    expect(fake.idleWaiting()).toBe(0);
  });
});
