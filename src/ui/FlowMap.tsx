import { useEffect, useMemo, useRef } from 'react';
import { layoutFlowMap, mapNodeSize } from './layoutFlowMap.ts';
import { useFlowSession } from './useFlowSession.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useStepParams } from './useStepParams.ts';
import { useText } from './useText.ts';

const maxLabel = 24;

/**
 * The whole decision tree of the running flow, drawn from its data: BFS layers from the start,
 * the current step and the path taken highlighted. Loaded only when opened.
 */
export function FlowMap() {
  const { flow } = useFlowSession();
  const layout = useMemo(() => layoutFlowMap(flow), [flow]);
  const current = useSessionSelector((snapshot) => snapshot.context.stepId);
  const visited = useSessionSelector(
    (snapshot) => {
      const { transcript } = snapshot.context;
      const since = transcript.findLastIndex((entry) => entry.type === 'restart') + 1;
      const steps = transcript.slice(since).flatMap((entry) => ('stepId' in entry ? [entry.stepId] : []));
      return [...new Set([...steps, ...snapshot.context.trail])].join(' ');
    },
  );
  const text = useText();
  const params = useStepParams();
  const scroller = useRef<HTMLDivElement>(null);
  // The map is wider than the page: bring the current step into view.
  useEffect(() => {
    const node = layout.nodes.find((candidate) => candidate.id === current);
    const box = scroller.current;
    if (!node || !box) return;
    box.scrollLeft = node.x + mapNodeSize.width / 2 - box.clientWidth / 2;
    box.scrollTop = node.y + mapNodeSize.height / 2 - box.clientHeight / 2;
  }, [layout, current]);
  const taken = new Set(visited.split(' '));
  const byId = new Map(layout.nodes.map((node) => [node.id, node]));
  const label = (id: string) => {
    const title = flow.steps[id]?.title;
    return title ? text(title, params) : id;
  };
  const centre = (id: string) => {
    const node = byId.get(id);
    return node ? { x: node.x + mapNodeSize.width / 2, y: node.y + mapNodeSize.height / 2 } : { x: 0, y: 0 };
  };

  return (
    <figure className="id-map">
      <figcaption>{text('app.map.caption', { flow: text(flow.title) })}</figcaption>
      <div ref={scroller} className="id-map-scroll" tabIndex={0} role="region" aria-label={text('app.map.caption', { flow: text(flow.title) })}>
        <svg width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={text('app.map.summary', { count: layout.nodes.length })}>
          {layout.edges.map(({ from, to, back }) => {
            const a = centre(from);
            const b = centre(to);
            const on = taken.has(from) && taken.has(to);
            const path = back
              ? `M${a.x},${a.y} C${a.x + 120},${a.y} ${b.x + 120},${b.y} ${b.x},${b.y}`
              : `M${a.x},${a.y + mapNodeSize.height / 2} L${b.x},${b.y - mapNodeSize.height / 2}`;
            return <path key={`${from}>${to}`} d={path} className={`id-map-edge${on ? ' id-map-edge--taken' : ''}${back ? ' id-map-edge--back' : ''}`} />;
          })}
          {layout.nodes.map((node) => {
            const step = flow.steps[node.id];
            const full = label(node.id);
            const short = full.length > maxLabel ? `${full.slice(0, maxLabel - 1)}…` : full;
            const state = node.id === current ? 'current' : taken.has(node.id) ? 'taken' : 'idle';
            return (
              <g key={node.id} className={`id-map-node id-map-node--${state} id-map-node--${step?.kind ?? 'step'}`} transform={`translate(${node.x},${node.y})`}>
                <title>{full}</title>
                <rect width={mapNodeSize.width} height={mapNodeSize.height} rx={step?.kind === 'outcome' ? 22 : 6} />
                <text x={mapNodeSize.width / 2} y={mapNodeSize.height / 2} dominantBaseline="central" textAnchor="middle">
                  {short}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
