import { useEffect, useEffectEvent, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FlowMapDrawing } from './flowMap/FlowMapDrawing.tsx';
import { FlowMapOutline } from './flowMap/FlowMapOutline.tsx';
import { mirrorLayout } from './flowMap/mirrorLayout.ts';
import { moveOnMap, type MapDirection } from './flowMap/moveOnMap.ts';
import { pathTaken, visitsOf } from './flowMap/pathTaken.ts';
import { useMapView, zoomStep } from './flowMap/useMapView.ts';
import { layoutFlowMap } from './layoutFlowMap.ts';
import { useFlowSession } from './useFlowSession.ts';
import { useSessionSelector } from './useSessionSelector.ts';
import { useStepParams } from './useStepParams.ts';
import { useText } from './useText.ts';
import './flowMap/flowMap.css';

const arrows: Record<string, MapDirection> = { ArrowDown: 'down', ArrowUp: 'up', ArrowLeft: 'left', ArrowRight: 'right' };

/**
 * The whole decision tree of the running flow, drawn from its data by dagre: step titles, the
 * path taken and "you are here" highlighted, zoom and pan by buttons, wheel, drag and keys, arrow
 * keys from step to step, and the same map as a text outline. Loaded only when opened.
 */
export function FlowMap() {
  const { flow } = useFlowSession();
  const text = useText();
  const params = useStepParams();
  const { i18n } = useTranslation();
  const mirrored = i18n.dir(i18n.language) === 'rtl';
  const current = useSessionSelector((snapshot) => snapshot.context.stepId);
  const visits = useSessionSelector((snapshot) => visitsOf(snapshot.context.transcript).join(' '));
  const path = useMemo(() => pathTaken(flow, visits ? visits.split(' ') : [], current), [flow, visits, current]);

  const titleOf = (id: string) => {
    const title = flow.steps[id]?.title;
    return title ? text(title, params) : text('app.map.checkStep');
  };
  // The drawing changes only when a title does (a new address in "Looking up {{email}}").
  const titles = Object.keys(flow.steps).map((id) => `${id}\u0000${titleOf(id)}`).join('\u0001');
  const layout = useMemo(() => {
    const byId = new Map(titles.split('\u0001').map((pair) => pair.split('\u0000') as [string, string]));
    const drawn = layoutFlowMap(flow, (id) => byId.get(id) ?? id);
    return mirrored ? mirrorLayout(drawn) : drawn;
  }, [flow, titles, mirrored]);
  const order = useMemo(() => layout.nodes.filter((node) => !node.ref).sort((a, b) => a.rank - b.rank || (mirrored ? b.x - a.x : a.x - b.x)).map((node) => node.id), [layout, mirrored]);

  const viewport = useRef<HTMLDivElement>(null);
  const { view, zoomBy, fit, centreOn } = useMapView(viewport, layout);
  // The arrow keys' node; back on the current step whenever the session moves on.
  const [cursor, setCursor] = useState({ current, focused: current });
  const focused = cursor.current === current ? cursor.focused : current;
  const [said, setSaid] = useState('');
  const [outlineOpen, setOutlineOpen] = useState(false);
  const boxOf = (id: string) => layout.nodes.find((node) => node.id === id);

  // On open, and whenever the session moves on: the current step in the middle.
  const centreOnCurrent = useEffectEvent(() => {
    const box = boxOf(current);
    if (box) centreOn(box);
  });
  useEffect(() => centreOnCurrent(), [current, layout]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const direction = arrows[event.key];
    if (direction) {
      event.preventDefault();
      const to = moveOnMap(layout, focused, direction, { prefer: path.steps });
      const box = boxOf(to);
      setCursor({ current, focused: to });
      if (box) centreOn(box);
      setSaid(describe(to));
    } else if (event.key === '+' || event.key === '=') {
      event.preventDefault();
      zoomBy(zoomStep);
    } else if (event.key === '-' || event.key === '_') {
      event.preventDefault();
      zoomBy(1 / zoomStep);
    } else if (event.key === '0') {
      event.preventDefault();
      fit();
    }
  };
  const describe = (id: string) => [titleOf(id), id === current ? text('app.map.here') : path.steps.has(id) ? text('app.map.visited') : ''].filter(Boolean).join(', ');

  const caption = text('app.map.caption', { flow: text(flow.title) });
  const hintId = useId();
  return (
    <figure className="id-map">
      <figcaption>{caption}</figcaption>
      <div className="id-map-tools">
        <button type="button" className="id-map-tool" onClick={() => zoomBy(1 / zoomStep)} aria-label={text('app.map.zoomOut')} title={text('app.map.zoomOut')}>
          <span aria-hidden="true">−</span>
        </button>
        <button type="button" className="id-map-tool" onClick={() => zoomBy(zoomStep)} aria-label={text('app.map.zoomIn')} title={text('app.map.zoomIn')}>
          <span aria-hidden="true">+</span>
        </button>
        <button type="button" className="id-map-tool id-map-tool--text" onClick={fit}>
          {text('app.map.fit')}
        </button>
        <p id={hintId} className="id-map-hint">
          {text('app.map.keys')}
        </p>
      </div>
      <div ref={viewport} className="id-map-view" tabIndex={0} role="application" aria-label={caption} aria-describedby={hintId} onKeyDown={onKeyDown} onFocus={() => setSaid(describe(focused))} data-scale={view.scale.toFixed(3)}>
        <FlowMapDrawing
          layout={layout}
          view={view}
          current={current}
          focused={focused}
          path={path}
          mirrored={mirrored}
          label={text('app.map.summary', { count: order.length })}
          hereLabel={text('app.map.here')}
        />
      </div>
      <p className="id-visually-hidden" aria-live="polite" aria-atomic="true">
        {said}
      </p>
      {/* Rendered once opened: over a hundred steps with their answers cost every render otherwise. */}
      <details className="id-map-outline" onToggle={(event) => setOutlineOpen(event.currentTarget.open)}>
        <summary>{text('app.map.outline')}</summary>
        {outlineOpen && <FlowMapOutline flow={flow} order={order} current={current} visited={path.steps} titleOf={titleOf} text={text} params={params} />}
      </details>
    </figure>
  );
}
