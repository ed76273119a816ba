import Graph from 'graphology';
import { circular } from 'graphology-layout';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { useEffect, useRef, useState } from 'react';
import Sigma from 'sigma';
import type { Graph as GraphData, RelationRecord } from '../../electron/contract/index.js';
import { call } from '../api.js';
import { plural } from '../text.js';
import { useDialogFocus } from '../components/dialogFocus.js';
import { showDateSpan, useDateStyle } from '../dates.js';

/** How many of the most connected entities are always named. */
const LABELLED = 30;

const TYPE_COLOUR: Record<string, string> = { person: '#7c3aed', organisation: '#0f766e', place: '#c2410c', group: '#b45309' };

interface Props {
  /** Entities to centre on (their neighbourhood), or none for every relation. */
  around: number[];
  refreshKey: number;
  selectedEntityId: number | null;
  /** Entities and relations tied to the current selection: drawn strong, the rest faded. */
  linkedEntityIds: number[];
  linkedRelationIds: number[];
  onSelectEntity: (id: number) => void;
  /** An arrow clicked: its relation becomes the selection. */
  onSelectRelation: (id: number) => void;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
}

/**
 * The link chart: entities as nodes coloured by type and sized by their number of relations,
 * relations as arrows labelled by type (sigma over graphology, laid out with ForceAtlas2).
 * Clicking a node selects the entity and adds its neighbours; clicking an arrow shows its evidence.
 */
export function LinkChart({ around, refreshKey, selectedEntityId, linkedEntityIds, linkedRelationIds, onSelectEntity, onSelectRelation, run }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [data, setData] = useState<GraphData | null>(null);
  const [expanded, setExpanded] = useState<number[]>([]);
  const [edge, setEdge] = useState<RelationRecord | null>(null);
  const handlers = useRef({ onSelectEntity, onSelectRelation });
  useEffect(() => {
    handlers.current = { onSelectEntity, onSelectRelation };
  });
  const rendererRef = useRef<Sigma | null>(null);
  const marks = useRef({ nodes: new Set<string>(), edges: new Set<string>() });
  useEffect(() => {
    marks.current = { nodes: new Set(linkedEntityIds.map(String)), edges: new Set(linkedRelationIds.map(String)) };
    rendererRef.current?.refresh();
    if (container.current) container.current.dataset.linked = [...linkedEntityIds].sort((a, b) => a - b).join(',');
  }, [linkedEntityIds, linkedRelationIds, data]);

  const key = [...around, ...expanded].join(',');
  useEffect(() => {
    const ids = key ? key.split(',').map(Number) : [];
    let live = true;
    void run(() => call('relations.graph', { around: ids })).then((g) => live && g && setData(g));
    return () => {
      live = false;
    };
  }, [key, refreshKey, run]);

  useEffect(() => {
    if (!data || !container.current) return;
    const started = performance.now();
    const graph = new Graph({ multi: true, type: 'directed' });
    for (const n of data.nodes) {
      graph.addNode(String(n.id), { label: n.name, size: 4 + Math.sqrt(n.degree) * 2, color: TYPE_COLOUR[n.type] ?? '#64748b', entityType: n.type });
    }
    for (const e of data.edges) {
      if (graph.hasNode(String(e.source)) && graph.hasNode(String(e.target))) {
        graph.addDirectedEdgeWithKey(String(e.id), String(e.source), String(e.target), { label: e.type === 'custom' ? e.label : e.type, size: 3, color: '#94a3b8', type: 'arrow' });
      }
    }
    // The most connected entities (and the selection's) always carry their name; the others show
    // theirs where there is room, on hover, and as the analyst zooms in.
    const important = new Set(
      graph
        .nodes()
        .sort((a, b) => graph.degree(b) - graph.degree(a))
        .slice(0, LABELLED),
    );
    graph.forEachNode((node) => graph.setNodeAttribute(node, 'forceLabel', graph.order <= LABELLED || important.has(node)));
    circular.assign(graph);
    if (graph.order > 1) {
      // Room between nodes: a stronger repulsion for small charts, node sizes kept apart below 500.
      const settings = { ...forceAtlas2.inferSettings(graph), adjustSizes: graph.order < 500, scalingRatio: graph.order < 100 ? 20 : 10 };
      forceAtlas2.assign(graph, { iterations: graph.order > 1000 ? 15 : 200, settings });
    }
    const renderer = new Sigma(graph, container.current, {
      renderEdgeLabels: graph.size < 300,
      enableEdgeEvents: true,
      defaultEdgeType: 'arrow',
      labelFont: 'Noto Sans',
      edgeLabelFont: 'Noto Sans',
      labelSize: 13,
      labelColor: { color: '#1f2933' },
      edgeLabelSize: 11,
      labelDensity: 0.5,
      labelGridCellSize: 120,
      labelRenderedSizeThreshold: graph.order > 500 ? 8 : 0,
      // With a selection, its entities and relations stand out and the rest fade.
      nodeReducer: (node, attrs) => {
        const { nodes, edges } = marks.current;
        if (nodes.size === 0 && edges.size === 0) return attrs;
        return nodes.has(node) ? { ...attrs, highlighted: true, forceLabel: true, zIndex: 1 } : { ...attrs, color: '#d4d4d8', forceLabel: false, label: graph.order > 50 ? '' : attrs.label };
      },
      edgeReducer: (edge, attrs) => {
        const { nodes, edges } = marks.current;
        if (nodes.size === 0 && edges.size === 0) return attrs;
        const strong = edges.has(edge) || (edges.size === 0 && nodes.has(graph.source(edge)) && nodes.has(graph.target(edge)));
        return strong ? { ...attrs, color: '#f97316', size: 4, zIndex: 1 } : { ...attrs, color: '#e4e4e7' };
      },
      zIndex: true,
    });
    rendererRef.current = renderer;
    // Selected on press ('downNode'): 'clickNode' did not fire reliably for a click in testing.
    // A node drawn over an arrow's end gets both events: the node wins.
    let nodePressedAt = -Infinity;
    renderer.on('downNode', ({ node }) => {
      nodePressedAt = performance.now();
      handlers.current.onSelectEntity(Number(node));
      setExpanded((x) => (x.includes(Number(node)) ? x : [...x, Number(node)]));
    });
    renderer.on('clickEdge', ({ edge: id }) => {
      if (performance.now() - nodePressedAt < 1000) return;
      handlers.current.onSelectRelation(Number(id));
      void run(() => call('relations.get', { id: Number(id) })).then((r) => r && setEdge(r));
    });
    const el = container.current;
    // For tests and the benchmark: size of the drawn graph, time to draw it, and where small graphs' nodes are.
    const describe = () => {
      el.dataset.nodes = String(graph.order);
      el.dataset.edges = String(graph.size);
      el.dataset.renderMs = String(Math.round(performance.now() - started));
      if (graph.order <= 200) {
        const positions: Record<string, [number, number]> = {};
        graph.forEachNode((n, a) => {
          const p = renderer.graphToViewport({ x: a.x as number, y: a.y as number });
          positions[n] = [Math.round(p.x), Math.round(p.y)];
        });
        el.dataset.positions = JSON.stringify(positions);
      }
    };
    // The first frame is drawn in the constructor; later ones follow camera moves.
    describe();
    renderer.on('afterRender', describe);
    // Sigma only follows the window's size: a pane that grows or a tab shown late would leave the
    // graph drawn in the box it had when it was built (crammed at the top).
    const resized = new ResizeObserver(() => {
      renderer.resize();
      renderer.refresh();
    });
    resized.observe(el);
    return () => {
      resized.disconnect();
      rendererRef.current = null;
      renderer.kill();
    };
  }, [data, run]);

  return (
    <div className="link-chart">
      <div className="link-chart-bar row">
        <span className="muted" data-testid="graph-size">
          {data ? `${plural(data.nodes.length, 'entity')}, ${plural(data.edges.length, 'relation')}${data.truncated ? ' (first 20,000)' : ''}` : ''}
        </span>
        <button type="button" onClick={() => void rendererRef.current?.getCamera().animatedReset({ duration: 300 })} title="Show the whole chart">
          Fit
        </button>
        {expanded.length > 0 && (
          <button type="button" className="link" onClick={() => setExpanded([])}>
            Collapse
          </button>
        )}
        <span className="legend">
          {Object.entries(TYPE_COLOUR).map(([t, c]) => (
            <span key={t}>
              <span className="dot" style={{ background: c }} /> {t}
            </span>
          ))}
        </span>
      </div>
      <div ref={container} className="link-chart-canvas" data-testid="link-chart" data-selected={selectedEntityId ?? ''} />
      {edge && <EdgeEvidence edge={edge} onClose={() => setEdge(null)} />}
    </div>
  );
}

/** A relation's evidence, over the chart: takes the focus, closes on Esc, and gives the focus back. */
function EdgeEvidence({ edge, onClose }: { edge: RelationRecord; onClose: () => void }) {
  // Drawn again when the analyst changes the date format.
  useDateStyle();
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref, onClose);
  return (
    <div className="edge-evidence" role="dialog" aria-label="Relation evidence" ref={ref}>
      <strong>
        {edge.source.name} — {edge.type === 'custom' ? edge.label : edge.type} — {edge.target.name}
      </strong>
      {[edge.startDate, edge.endDate].some(Boolean) && <div className="muted">{showDateSpan(edge.startDate, edge.endDate)}</div>}
      {edge.evidence.length ? (
        edge.evidence.map((e) => (
          <blockquote key={e.id}>
            “{e.quote}” <cite>— {e.articleTitle}</cite>
          </blockquote>
        ))
      ) : (
        <p className="muted">no evidence</p>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
