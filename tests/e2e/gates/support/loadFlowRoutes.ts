import { readFileSync } from 'node:fs';
import { formatFlowProblem, parseFlow, type Flow } from '../../../../src/engine/index.ts';
import { startFlowId } from '../../../../src/app/flowCatalog.ts';
import { relativeToRepo, shippedFlowFiles } from '../../../../scripts/lib/loadProjectFiles.ts';
import { findStepRoutes, type FlowRoutes } from '../../../support/findStepRoutes.ts';

export interface ShippedFlowRoutes {
  flow: Flow;
  found: FlowRoutes;
}

/**
 * Every shipped flow, with a route to each node of its graph found on the demo backend in Node.
 * Only the start page's flow can be handed an address; the others ask for it.
 */
export async function loadFlowRoutes(): Promise<ShippedFlowRoutes[]> {
  const flows = shippedFlowFiles().map((file) => {
    const parsed = parseFlow(readFileSync(file, 'utf8'), relativeToRepo(file));
    if (!parsed.ok) throw new Error(parsed.problems.map(formatFlowProblem).join('\n'));
    return parsed.flow;
  });
  const found: ShippedFlowRoutes[] = [];
  for (const flow of flows) found.push({ flow, found: await findStepRoutes(flow, { emailAtStart: flow.id === startFlowId }) });
  return found;
}
