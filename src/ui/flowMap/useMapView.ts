import { useEffect, useEffectEvent, useRef, useState, type RefObject } from 'react';

/** Where the drawing sits in the viewport: screen = drawing × scale + (x, y). */
export interface MapView {
  scale: number;
  x: number;
  y: number;
}

export interface MapBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const minScale = 0.2;
export const maxScale = 2.5;
/** One press of a zoom button or key. */
export const zoomStep = 1.25;

/**
 * Zoom and pan of the map's drawing inside its viewport: zoom about a point (a button zooms
 * about the middle, ctrl+wheel about the pointer), drag to pan (pointer events, so mouse, pen and
 * touch alike), fit the whole drawing, or centre one node.
 */
export function useMapView(viewport: RefObject<HTMLElement | null>, drawing: { width: number; height: number }) {
  const [view, setView] = useState<MapView>({ scale: 1, x: 0, y: 0 });

  const zoomBy = (factor: number, at?: { x: number; y: number }) =>
    setView((before) => {
      const { width, height } = sizeOf(viewport.current);
      const point = at ?? { x: width / 2, y: height / 2 };
      const scale = clamp(before.scale * factor, minScale, maxScale);
      const ratio = scale / before.scale;
      return { scale, x: point.x - (point.x - before.x) * ratio, y: point.y - (point.y - before.y) * ratio };
    });

  const fit = () => {
    const { width, height } = sizeOf(viewport.current);
    const scale = clamp(Math.min(width / drawing.width, height / drawing.height, 1), minScale, maxScale);
    setView({ scale, x: (width - drawing.width * scale) / 2, y: (height - drawing.height * scale) / 2 });
  };

  const centreOn = (box: MapBox) =>
    setView((before) => {
      const { width, height } = sizeOf(viewport.current);
      return { ...before, x: width / 2 - (box.x + box.width / 2) * before.scale, y: height / 2 - (box.y + box.height / 2) * before.scale };
    });

  const panBy = (dx: number, dy: number) => setView((before) => ({ ...before, x: before.x + dx, y: before.y + dy }));

  // Dragging pans; ctrl+wheel (and a trackpad's pinch, which browsers send as one) zooms about
  // the pointer. A plain wheel is left to scroll the page.
  const drag = useRef<{ id: number; x: number; y: number } | null>(null);
  const zoomAt = useEffectEvent(zoomBy);
  const panOnDrag = useEffectEvent(panBy);
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const box = element.getBoundingClientRect();
      zoomAt(Math.exp(-event.deltaY / 300), { x: event.clientX - box.left, y: event.clientY - box.top });
    };
    const onDown = (event: PointerEvent) => {
      if (event.button !== 0) return;
      drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
      element.setPointerCapture?.(event.pointerId);
      element.dataset.dragging = 'true';
    };
    const onMove = (event: PointerEvent) => {
      const last = drag.current;
      if (!last || last.id !== event.pointerId) return;
      panOnDrag(event.clientX - last.x, event.clientY - last.y);
      drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
    };
    const onUp = (event: PointerEvent) => {
      if (drag.current?.id !== event.pointerId) return;
      drag.current = null;
      delete element.dataset.dragging;
    };
    // A resized viewport (a phone turned) keeps what was in its middle in its middle.
    let size = { width: element.clientWidth, height: element.clientHeight };
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
      const next = { width: element.clientWidth, height: element.clientHeight };
      panOnDrag((next.width - size.width) / 2, (next.height - size.height) / 2);
      size = next;
    });
    resized?.observe(element);
    element.addEventListener('wheel', onWheel, { passive: false });
    element.addEventListener('pointerdown', onDown);
    element.addEventListener('pointermove', onMove);
    element.addEventListener('pointerup', onUp);
    element.addEventListener('pointercancel', onUp);
    return () => {
      resized?.disconnect();
      element.removeEventListener('wheel', onWheel);
      element.removeEventListener('pointerdown', onDown);
      element.removeEventListener('pointermove', onMove);
      element.removeEventListener('pointerup', onUp);
      element.removeEventListener('pointercancel', onUp);
    };
  }, [viewport]);

  return { view, zoomBy, fit, centreOn, panBy };
}

/** The viewport's size; jsdom lays nothing out, so a usual size stands in there. */
function sizeOf(element: HTMLElement | null): { width: number; height: number } {
  return { width: element?.clientWidth || 640, height: element?.clientHeight || 480 };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
