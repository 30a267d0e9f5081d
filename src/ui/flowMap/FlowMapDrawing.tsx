import { memo, useId } from 'react';
import type { FlowMapLayout, MapNode, MapPoint } from '../layoutFlowMap.ts';
import { nodePadding } from '../layoutFlowMap.ts';
import type { PathTaken } from './pathTaken.ts';
import type { MapView } from './useMapView.ts';
import { estimateTextWidth, labelLineHeight } from './wrapLabel.ts';

export interface FlowMapDrawingProps {
  layout: FlowMapLayout;
  view: MapView;
  current: string;
  /** The node the arrow keys are on. */
  focused: string;
  path: PathTaken;
  mirrored: boolean;
  /** The picture's accessible name (its text alternative is the outline beside it). */
  label: string;
  hereLabel: string;
}

/** The map's picture: dagre's edges with arrowheads, a box per step, the path and "you are here". */
export function FlowMapDrawing({ layout, view, current, focused, path, mirrored, label, hereLabel }: FlowMapDrawingProps) {
  const id = useId().replace(/:/g, '');
  const here = layout.nodes.find((node) => node.id === current);
  const ring = layout.nodes.find((node) => node.id === focused);
  return (
    <svg className="id-map-svg" role="img" aria-label={label} width="100%" height="100%">
      <defs>
        {(['plain', 'taken'] as const).map((kind) => (
          <marker key={kind} id={`${id}-${kind}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className={`id-map-arrow id-map-arrow--${kind}`} />
          </marker>
        ))}
      </defs>
      <g transform={`translate(${view.x} ${view.y}) scale(${view.scale})`}>
        <MapPicture layout={layout} current={current} path={path} mirrored={mirrored} markerId={id} />
        {ring && (
          <g className="id-map-node--focused" data-step={ring.id} transform={`translate(${ring.x} ${ring.y})`}>
            <rect className="id-map-focus" x={-5} y={-5} width={ring.width + 10} height={ring.height + 10} rx={8} />
          </g>
        )}
        {here && <HereMarker node={here} label={hereLabel} />}
      </g>
    </svg>
  );
}

/**
 * Edges and boxes, drawn again only when the layout, the current step or the path changes: not
 * on every zoom, drag or arrow key, which over a hundred steps would make them stutter.
 */
const MapPicture = memo(function MapPicture({ layout, current, path, mirrored, markerId }: { layout: FlowMapLayout; current: string; path: PathTaken; mirrored: boolean; markerId: string }) {
  const byId = new Map(layout.nodes.map((node) => [node.id, node]));
  // An edge to a copy of a step (`ref`) counts as the edge to the step.
  const isTaken = (edge: { from: string; to: string }) => path.edges.has(`${edge.from}>${byId.get(edge.to)?.ref ?? edge.to}`);
  // Taken edges last, so they are drawn on top of the rest.
  const edges = [...layout.edges].sort((a, b) => Number(isTaken(a)) - Number(isTaken(b)));
  return (
    <>
      {edges.map((edge) => {
        const kind = isTaken(edge) ? 'taken' : 'plain';
        return <path key={`${edge.from}>${edge.to}`} d={smoothPath(edge.points)} className={`id-map-edge id-map-edge--${kind}`} markerEnd={`url(#${markerId}-${kind})`} />;
      })}
      {layout.nodes.map((node) => (
        <MapNodeBox key={node.id} node={node} state={node.ref ? 'idle' : node.id === current ? 'current' : path.steps.has(node.id) ? 'taken' : 'idle'} mirrored={mirrored} />
      ))}
    </>
  );
});

function MapNodeBox({ node, state, mirrored }: { node: MapNode; state: 'current' | 'taken' | 'idle'; mirrored: boolean }) {
  const outcome = node.kind === 'outcome' || node.kind === 'flow';
  const radius = outcome ? Math.min(node.height / 2, 18) : 4;
  const textX = mirrored ? node.width - nodePadding.inline : nodePadding.inline;
  return (
    <g
      className={`id-map-node id-map-node--${state} id-map-node--${node.kind}${node.ref ? ' id-map-node--copy' : ''}`}
      transform={`translate(${node.x} ${node.y})`}
      aria-current={state === 'current' ? 'step' : undefined}
      data-step={node.id}
    >
      <rect className="id-map-box" width={node.width} height={node.height} rx={radius} />
      {outcome && !node.ref && <rect className="id-map-box-inner" x={3} y={3} width={node.width - 6} height={node.height - 6} rx={Math.max(0, radius - 3)} />}
      <text className="id-map-label" x={textX} direction={mirrored ? 'rtl' : 'ltr'} textAnchor="start">
        {node.lines.map((line, index) => (
          <tspan key={index} x={textX} y={nodePadding.block + index * labelLineHeight + 12.5}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/** A tag above the current step: "You are here". */
function HereMarker({ node, label }: { node: MapNode; label: string }) {
  const width = estimateTextWidth(label) * 0.95 + 16;
  const x = node.x + node.width / 2 - width / 2;
  return (
    <g className="id-map-here" transform={`translate(${x} ${node.y - 26})`}>
      <rect width={width} height={20} rx={10} />
      <text x={width / 2} y={14} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/**
 * Dagre's route as a smooth line: a uniform B-spline through its points (as d3's curveBasis),
 * which bends gently where a polyline through dagre's bend points would zigzag.
 */
export function smoothPath(points: readonly MapPoint[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  if (rest.length < 2) return `M${first.x},${first.y}${rest.map((point) => ` L${point.x},${point.y}`).join('')}`;
  const all = [first, ...rest];
  const at = (index: number) => all[Math.min(all.length - 1, Math.max(0, index))] as MapPoint;
  let d = `M${first.x},${first.y} L${(5 * first.x + at(1).x) / 6},${(5 * first.y + at(1).y) / 6}`;
  for (let index = 1; index < all.length - 1; index++) {
    const [p0, p1, p2] = [at(index - 1), at(index), at(index + 1)];
    d += ` C${(2 * p0.x + p1.x) / 3},${(2 * p0.y + p1.y) / 3} ${(p0.x + 2 * p1.x) / 3},${(p0.y + 2 * p1.y) / 3} ${(p0.x + 4 * p1.x + p2.x) / 6},${(p0.y + 4 * p1.y + p2.y) / 6}`;
  }
  const [p0, p1] = [at(all.length - 2), at(all.length - 1)];
  d += ` C${(2 * p0.x + p1.x) / 3},${(2 * p0.y + p1.y) / 3} ${(p0.x + 2 * p1.x) / 3},${(p0.y + 2 * p1.y) / 3} ${p1.x},${p1.y}`;
  return d;
}
