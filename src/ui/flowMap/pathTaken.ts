import type { ResolvedFlow, TranscriptEntry } from '../../engine/index.ts';
import { uniqueEdges } from '../layoutFlowMap.ts';

export interface PathTaken {
  /** Steps on the way here, the current one included, automatic checks between them too. */
  steps: Set<string>;
  /** Edges followed, as `from>to`. */
  edges: Set<string>;
}

/**
 * The way a session came to its current step, for the map to highlight: the steps it went
 * through (`visits`, oldest first, see `visitsOf`; then `current`), joined through the automatic
 * checks between them, which leave no trace in the transcript.
 */
export function pathTaken(flow: ResolvedFlow, visits: readonly string[], current: string): PathTaken {
  const next = new Map<string, string[]>();
  for (const { from, to } of uniqueEdges(flow)) next.set(from, [...(next.get(from) ?? []), to]);
  const seen = visits.at(-1) === current ? [...visits] : [...visits, current];
  // A flow may begin with an automatic check, which no trail holds.
  const sequence = seen[0] !== flow.start && flow.steps[flow.start]?.kind === 'check' ? [flow.start, ...seen] : seen;
  const steps = new Set<string>(sequence);
  const edges = new Set<string>();
  for (let index = 1; index < sequence.length; index++) {
    const way = wayThroughChecks(flow, next, sequence[index - 1] as string, sequence[index] as string);
    for (let hop = 1; hop < way.length; hop++) {
      steps.add(way[hop] as string);
      edges.add(`${way[hop - 1]}>${way[hop]}`);
    }
  }
  return { steps, edges };
}

/** The shortest way from `from` to `to` that passes only through check steps; [] when there is none. */
function wayThroughChecks(flow: ResolvedFlow, next: ReadonlyMap<string, string[]>, from: string, to: string): string[] {
  const cameFrom = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index] as string;
    for (const target of next.get(node) ?? []) {
      if (cameFrom.has(target)) continue;
      cameFrom.set(target, node);
      if (target === to) {
        const way = [to];
        while (way[0] !== from) way.unshift(cameFrom.get(way[0] as string) as string);
        return way;
      }
      if (flow.steps[target]?.kind === 'check') queue.push(target);
    }
  }
  return [];
}

/**
 * The steps a session went through since its last restart, oldest first, from its transcript:
 * screens and calls alike; going Back drops what came after the step returned to.
 */
export function visitsOf(transcript: readonly TranscriptEntry[]): string[] {
  const visits: string[] = [];
  const since = transcript.findLastIndex((entry) => entry.type === 'restart') + 1;
  for (const entry of transcript.slice(since)) {
    if (entry.type === 'back') {
      const index = visits.lastIndexOf(entry.to);
      if (index >= 0) visits.length = index + 1;
    } else if ('stepId' in entry && entry.type !== 'note' && visits.at(-1) !== entry.stepId) visits.push(entry.stepId);
  }
  return visits;
}
