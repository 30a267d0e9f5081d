import { compileFlow, formatFlowProblem, parseFlow, type CompiledFlow } from '../engine/index.ts';
import { createInvitationRegistry } from '../registry/index.ts';
import type { AppBackend } from './appBackend.ts';
import { loadFlowData } from './flowCatalog.ts';

export type CompileShippedResult =
  | { ok: true; compiled: CompiledFlow }
  | { ok: false; error: { kind: 'unknown-flow' } | { kind: 'invalid-flow'; problems: string[] } };

const registry = createInvitationRegistry();

/** Loads a shipped flow by id and compiles it for the app's backend and policy. */
export async function compileShippedFlow(flowId: string, app: AppBackend): Promise<CompileShippedResult> {
  const loading = loadFlowData(flowId);
  if (!loading) return { ok: false, error: { kind: 'unknown-flow' } };
  const parsed = parseFlow(await loading, `flows/${flowId}.json`);
  if (!parsed.ok) return { ok: false, error: { kind: 'invalid-flow', problems: parsed.problems.map(formatFlowProblem) } };
  const compiled = compileFlow(parsed.flow, { registry, backend: app.backend, policy: app.policy });
  if (!compiled.ok) return { ok: false, error: { kind: 'invalid-flow', problems: compiled.problems.map(formatFlowProblem) } };
  return { ok: true, compiled: compiled.compiled };
}
