import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allCapabilities,
  compileFlow,
  describeEdgeVia,
  enumeratePaths,
  flowEdges,
  flowNodes,
  parseFlow,
  stepOfNode,
  type Capability,
  type CompiledFlow,
  type Flow,
  type FlowPath,
} from '../../../src/engine/index.ts';
import { createInvitationRegistry } from '../../../src/registry/index.ts';
import { relativeToRepo, shippedFlowFiles } from '../../../scripts/lib/loadProjectFiles.ts';
import { createPathReplayer } from '../../support/replayPath.ts';
import { createStubBackend } from '../../support/createStubBackend.ts';

/**
 * Model-based tests: every simple path through every shipped flow, generated from the flow data,
 * replayed on the real compiled machine. Backends differ, so the flows are replayed for every
 * capability set a real product may have: all, none, and each one missing. Coverage is counted
 * against the flow file itself: every step and every edge must have been walked.
 */
const registry = createInvitationRegistry();
// Every path is replayed for the two extremes; for each backend lacking one capability, a set of
// paths that walks every edge of that variant (replaying all ~200k variant paths adds minutes, not
// confidence: the variants share their paths with the full flow except where a step is redirected).
const capabilitySets: Array<{ name: string; capabilities: Capability[]; paths: 'all' | 'every edge' }> = [
  { name: 'every capability', capabilities: [...allCapabilities], paths: 'all' },
  { name: 'no optional capability', capabilities: [], paths: 'all' },
  ...allCapabilities.map((missing) => ({
    name: `all but ${missing}`,
    capabilities: allCapabilities.filter((c) => c !== missing),
    paths: 'every edge' as const,
  })),
];

for (const file of shippedFlowFiles()) {
  const parsed = parseFlow(readFileSync(file, 'utf8'), relativeToRepo(file));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  const source: Flow = parsed.flow;

  describe(`every path through ${source.id}`, () => {
    const coveredSteps = new Set<string>();
    const coveredEdges = new Set<string>();
    let replayed = 0;

    for (const set of capabilitySets) {
      it(`replays ${set.paths === 'all' ? 'every path' : 'paths covering every edge'} with ${set.name}`, async () => {
        const compiled = compile(source, set.capabilities);
        const enumerated = enumeratePaths(compiled.flow);
        expect(enumerated.truncated).toBe(false);
        const paths = set.paths === 'all' ? enumerated.paths : pathsCoveringEveryEdge(enumerated.paths);
        const replay = createPathReplayer(compiled);
        for (const path of paths) {
          try {
            await replay(path);
          } catch (error) {
            const route = path.edges.map((edge) => `${edge.from} -[${describeEdgeVia(edge.via)}]->`).join(' ');
            throw new Error(`${set.name}: ${route} ${path.edges.at(-1)?.to}\n${(error as Error).message}`);
          }
          for (const edge of path.edges) {
            coveredSteps.add(stepOfNode(edge.from));
            coveredSteps.add(stepOfNode(edge.to));
            coveredEdges.add(edgeKey(edge.from, describeEdgeVia(edge.via)));
          }
        }
        replayed += paths.length;
        console.log(`${source.id} (${set.name}): ${paths.length} of ${enumerated.paths.length} paths replayed`);
      }, 180_000);
    }

    it('covers every step and every edge of the flow file', () => {
      const allSteps = Object.keys(source.steps);
      const allEdges = flowEdges(source.steps).map((edge) => edgeKey(edge.from, describeEdgeVia(edge.via)));
      const missedSteps = allSteps.filter((id) => !coveredSteps.has(id));
      const missedEdges = allEdges.filter((key) => !coveredEdges.has(key));
      const nodes = flowNodes(source.steps).length;
      console.log(
        `${source.id}: ${replayed} paths, steps ${allSteps.length - missedSteps.length}/${allSteps.length} (${pct(allSteps.length - missedSteps.length, allSteps.length)}), ` +
          `edges ${allEdges.length - missedEdges.length}/${allEdges.length} (${pct(allEdges.length - missedEdges.length, allEdges.length)}), ${nodes} graph nodes`,
      );
      expect(missedSteps).toEqual([]);
      expect(missedEdges).toEqual([]);
    });
  });
}

function compile(source: Flow, capabilities: Capability[]): CompiledFlow {
  const result = compileFlow(source, { registry, backend: createStubBackend(capabilities) });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.step}: ${p.message}`).join('\n'));
  return result.compiled;
}

/** Greedy: keep a path whenever it walks an edge no kept path has walked yet. */
function pathsCoveringEveryEdge(paths: readonly FlowPath[]): FlowPath[] {
  const seen = new Set<string>();
  return paths.filter((path) => {
    const keys = path.edges.map((edge) => `${edge.from} ${describeEdgeVia(edge.via)} ${edge.to}`);
    const fresh = keys.some((key) => !seen.has(key));
    keys.forEach((key) => seen.add(key));
    return fresh;
  });
}

function edgeKey(from: string, via: string): string {
  return `${from} -[${via}]->`;
}

function pct(part: number, whole: number): string {
  return `${((part / whole) * 100).toFixed(1)}%`;
}
