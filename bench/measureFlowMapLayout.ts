import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { allCapabilities, parseFlow, resolveFlow } from '../src/engine/index.ts';
import { createInvitationRegistry } from '../src/registry/index.ts';
import { layoutFlowMap } from '../src/ui/layoutFlowMap.ts';
import { projectRoot } from './buildWithProjectConfig.ts';
import { median } from './stats.ts';

/** The map opens in the browser's main thread: the layout of the largest shipped flow must not hold it long. */
export const flowMapLayoutBudgetMs = 1_000;

export interface FlowMapLayoutFigure {
  flow: string;
  steps: number;
  boxes: number;
  medianMs: number;
  maxMs: number;
}

function englishTexts(): Record<string, unknown> {
  const read = (file: string) => JSON.parse(readFileSync(path.join(projectRoot, 'locales/en', file), 'utf8')) as Record<string, unknown>;
  return { ...read('app.json'), ...read('flows.json') };
}

/**
 * `layoutFlowMap` (dagre) on each shipped flow with every capability and its English titles, as
 * the map lays it out when opened: median of `runs` after one warm-up run.
 */
export function measureFlowMapLayout(runs: number): FlowMapLayoutFigure[] {
  const texts = englishTexts();
  const lookup = (key: string) => String(key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts) ?? key);
  const registry = createInvitationRegistry();
  return ['invite-not-received', 'invite-link-expired'].map((id) => {
    const parsed = parseFlow(JSON.parse(readFileSync(path.join(projectRoot, 'flows', `${id}.json`), 'utf8')), `flows/${id}.json`);
    if (!parsed.ok) throw new Error(`flows/${id}.json does not parse`);
    const resolved = resolveFlow(parsed.flow, new Set(allCapabilities), registry);
    if (!resolved.ok) throw new Error(`flows/${id}.json does not resolve`);
    const flow = resolved.flow;
    const labelOf = (stepId: string) => {
      const title = flow.steps[stepId]?.title;
      return title ? lookup(title) : 'Automatic check';
    };
    const layout = layoutFlowMap(flow, labelOf);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      layoutFlowMap(flow, labelOf);
      times.push(performance.now() - start);
    }
    return { flow: id, steps: Object.keys(flow.steps).length, boxes: layout.nodes.length, medianMs: median(times), maxMs: Math.max(...times) };
  });
}
