import { compileFlow, formatFlowProblem, type CompiledFlow, type InvitationBackend, type Policy } from '../engine/index.ts';
import { createInvitationRegistry } from '../registry/index.ts';
import { parseShippedFlow } from './parseShippedFlow.ts';
import type { WidgetProblem } from './resolveWidgetBackend.ts';

// One lazy chunk per flow: the default flow loads with the first session, the others when a
// session hands over to them.
const flowFiles = import.meta.glob<unknown>(['/flows/*.json', '!/flows/flow.schema.json'], { import: 'default' });
const registry = createInvitationRegistry();

/** A shipped flow by id, compiled for this backend and policy, or why it cannot run. */
export async function loadWidgetFlow(flowId: string, backend: InvitationBackend, policy: Policy): Promise<{ ok: true; compiled: CompiledFlow } | { ok: false; problem: WidgetProblem }> {
  const file = `/flows/${flowId}.json`;
  const load = flowFiles[file];
  if (!load) return { ok: false, problem: { kind: 'unknownFlow', flowId } };
  const parsed = parseShippedFlow(await load(), file.slice(1));
  if (!parsed.ok) return { ok: false, problem: { kind: 'invalidFlow', problems: parsed.problems.map(formatFlowProblem) } };
  const compiled = compileFlow(parsed.flow, { registry, backend, policy });
  if (!compiled.ok) return { ok: false, problem: { kind: 'invalidFlow', problems: compiled.problems.map(formatFlowProblem) } };
  return { ok: true, compiled: compiled.compiled };
}
