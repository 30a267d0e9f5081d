/**
 * The flow files shipped in `flows/` (the JSON Schema beside them is not a flow). The start page
 * needs only titles, imported by name so the bundler keeps just those fields in the start chunk;
 * the whole file loads as text (`?raw`, a separate module) when the flow is opened.
 */
const titles = import.meta.glob<string>(['/flows/*.json', '!/flows/flow.schema.json'], { import: 'title', eager: true });
const descriptions = import.meta.glob<string | undefined>(['/flows/*.json', '!/flows/flow.schema.json'], { import: 'description', eager: true });
const files = import.meta.glob<string>(['/flows/*.json', '!/flows/flow.schema.json'], { query: '?raw', import: 'default' });

/** The flow the start page's address form opens. */
export const startFlowId = 'invite-not-received';

export interface FlowSummary {
  id: string;
  /** Translation keys. */
  title: string;
  description: string | undefined;
}

const idOf = (path: string) => path.slice('/flows/'.length, -'.json'.length);

/** Every shipped flow by id, the start flow first. */
export const flowCatalog: FlowSummary[] = Object.entries(titles)
  .map(([path, title]) => ({ id: idOf(path), title, description: descriptions[path] }))
  .sort((a, b) => Number(b.id === startFlowId) - Number(a.id === startFlowId) || a.id.localeCompare(b.id));

export function findFlowSummary(id: string): FlowSummary | undefined {
  return flowCatalog.find((flow) => flow.id === id);
}

/** The JSON text of a shipped flow, or `null` when there is no flow with that id. */
export function loadFlowData(id: string): Promise<string> | null {
  const load = files[`/flows/${id}.json`];
  return load ? load() : null;
}
