import { loadFlowData } from '../../flowCatalog.ts';

/**
 * The title text keys of the shipped flows' steps, by `flowId\u0000stepId`, for the flows named.
 * A flow that is not shipped (or does not parse) adds nothing: its steps show by id.
 */
export async function loadStepTitleKeys(flowIds: readonly string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  await Promise.all(
    [...new Set(flowIds)].map(async (flowId) => {
      try {
        const data = JSON.parse((await loadFlowData(flowId)) ?? 'null') as { steps?: Record<string, { title?: unknown }> } | null;
        for (const [stepId, step] of Object.entries(data?.steps ?? {})) if (typeof step.title === 'string') titles.set(`${flowId}\u0000${stepId}`, step.title);
      } catch {
        // Not a shipped flow: ids it is.
      }
    }),
  );
  return titles;
}
