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
  reachableNodes,
  stepOfNode,
  type Capability,
  type CompiledFlow,
  type Flow,
  type FlowPath,
} from '../../src/engine/index.ts';
import { createInvitationRegistry } from '../../src/registry/index.ts';
import { relativeToRepo, shippedFlowFiles } from '../../scripts/lib/loadProjectFiles.ts';
import { createPathReplayer } from './replayPath.ts';
import { createStubBackend } from './createStubBackend.ts';

/**
 * Model-based path tests, shared by the two suites that run them: paths generated from each
 * shipped flow's data are replayed on the real compiled machine, for backends with different
 * capabilities, and coverage is counted against the flow file itself: every step and every edge
 * must have been walked.
 *
 * - `npm test` (tests/unit/flows/flowPaths.test.ts): for every capability set below, a set of paths
 *   that walks every edge of that variant. Seconds, and enough for 100% step and edge coverage.
 * - `npm run test:paths` (tests/paths/*.paths.test.ts, its own CI gate): every simple path for the
 *   two extremes, all capabilities and none. Tens of thousands of paths, minutes.
 */
export interface CapabilitySet {
  name: string;
  capabilities: Capability[];
  /** `all`: every simple path of the variant; `every edge`: a greedy subset that walks each of its edges. */
  paths: 'all' | 'every edge';
}

/** Every capability, none, and each one missing, each replaying `paths`. */
export function capabilityVariants(paths: CapabilitySet['paths']): CapabilitySet[] {
  return [
    { name: 'every capability', capabilities: [...allCapabilities], paths },
    { name: 'no optional capability', capabilities: [], paths },
    ...allCapabilities.map((missing) => ({ name: `all but ${missing}`, capabilities: allCapabilities.filter((c) => c !== missing), paths })),
  ];
}

const registry = createInvitationRegistry();

export function shippedFlows(): Flow[] {
  return shippedFlowFiles().map((file) => {
    const parsed = parseFlow(readFileSync(file, 'utf8'), relativeToRepo(file));
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    return parsed.flow;
  });
}

/** One `describe` for `source`: a test per capability set, then the coverage assertion over all of them. */
export function describeFlowPaths(source: Flow, capabilitySets: readonly CapabilitySet[], title = `every path through ${source.id}`): void {
  describe(title, () => {
    const coveredSteps = new Set<string>();
    const coveredEdges = new Set<string>();
    let replayed = 0;

    for (const set of capabilitySets) {
      it(`replays ${set.paths === 'all' ? 'every path' : 'paths covering every edge'} with ${set.name}`, async () => {
        const compiled = compile(source, set.capabilities);
        const enumerated = enumeratePaths(compiled.flow);
        expect(enumerated.truncated).toBe(false);
        // Steps reached only through a named entry (a pasted delivery error) are walked from it.
        // They end where they join the nodes the start's paths walk on from.
        const joinAt = reachableNodes([compiled.flow.start], flowEdges(compiled.flow.steps));
        const fromEntries = set.paths === 'all' ? [] : Object.keys(compiled.flow.entries).map((entry) => enumeratePaths(compiled.flow, { entry, joinAt }));
        expect(fromEntries.some((result) => result.truncated)).toBe(false);
        const paths = set.paths === 'all' ? enumerated.paths : pathsCoveringEveryEdge([...enumerated.paths, ...fromEntries.flatMap((result) => result.paths)]);
        const replay = createPathReplayer(compiled);
        for (const path of paths) {
          try {
            await replay(path);
          } catch (error) {
            const route = (path.entry ? `(entry ${path.entry}) ` : '') + path.edges.map((edge) => `${edge.from} -[${describeEdgeVia(edge.via)}]->`).join(' ');
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
      }, 600_000);
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
export function pathsCoveringEveryEdge(paths: readonly FlowPath[]): FlowPath[] {
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
