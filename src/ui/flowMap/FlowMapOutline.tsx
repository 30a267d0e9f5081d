import { edgesOfStep, stepOfNode, type FlowEdge, type ResolvedFlow } from '../../engine/index.ts';
import type { Translate } from '../itTicketText.ts';

export interface FlowMapOutlineProps {
  flow: ResolvedFlow;
  /** Step ids in the order to list them (the map's rows, top to bottom). */
  order: readonly string[];
  current: string;
  visited: ReadonlySet<string>;
  titleOf(stepId: string): string;
  text: Translate;
  /** Interpolation values for the answers' labels. */
  params: Record<string, unknown>;
}

/**
 * The map as text, its alternative for everyone who cannot or would rather not read a picture:
 * every step in flow order, each with where each answer leads, the path taken and the current
 * step said in words.
 */
export function FlowMapOutline({ flow, order, current, visited, titleOf, text, params }: FlowMapOutlineProps) {
  return (
    <ol className="id-map-outline-list">
      {order.map((id) => {
        const here = id === current;
        const leads = leadsOf(flow, id, titleOf, text, params);
        return (
          <li key={id} aria-current={here ? 'step' : undefined} className={here ? 'id-map-outline--current' : visited.has(id) ? 'id-map-outline--visited' : undefined}>
            <span className="id-map-outline-title">{titleOf(id)}</span>
            {here ? <strong className="id-map-outline-mark">{text('app.map.here')}</strong> : visited.has(id) ? <span className="id-map-outline-mark">{text('app.map.visited')}</span> : null}
            {leads.length > 0 && (
              <ul>
                {leads.map((lead) => (
                  <li key={lead}>{lead}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** "“Yes” leads to …", "Then …", "If it goes wrong: …", once each; the failed screen folded in. */
function leadsOf(flow: ResolvedFlow, id: string, titleOf: (stepId: string) => string, text: Translate, params: Record<string, unknown>): string[] {
  const step = flow.steps[id];
  if (!step) return [];
  // The step's edges include its failed screen's: Try again (back to the step, left out) and give up.
  const lines = edgesOfStep(id, step).flatMap((edge: FlowEdge) => {
    const to = stepOfNode(edge.to);
    if (to === id || !flow.steps[to]) return [];
    const title = titleOf(to);
    switch (edge.via.type) {
      case 'option': {
        const option = step.kind === 'question' ? step.options.find((candidate) => candidate.id === (edge.via as { optionId: string }).optionId) : undefined;
        return [text('app.map.answer', { answer: option ? text(option.label, params) : '', step: title })];
      }
      case 'error':
      case 'give-up':
        return [text('app.map.onError', { step: title })];
      default:
        return [text('app.map.then', { step: title })];
    }
  });
  return [...new Set(lines)];
}
