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
import { edgeCoveringPaths } from './edgeCoveringPaths.ts';
import { createStubBackend } from './createStubBackend.ts';

/**
 * Model-based path tests, shared by the two suites that run them: paths generated from each
 * shipped flow's data are replayed on the real compiled machine, for backends with different
 * capabilities, and coverage is counted against the flow file itself: every step and every edge
 * must have been walked.
 *
 * - `npm test` (tests/unit/flows/flowPaths.test.ts): for every capability set below, a set of paths
 *   built to walk every edge of that variant, from the start and from each named entry
 *   (edgeCoveringPaths). Seconds, and enough for 100% step and edge coverage.
 * - `npm run test:paths` (tests/paths/*.paths.test.ts, its own CI gate): the simple paths of the
 *   two extremes, all capabilities and none: every one up to 60,000 per variant, an even spread
 *   beyond. Minutes.
 */
export interface CapabilitySet {
  name: string;
  capabilities: Capability[];
  /** `all`: the simple paths of the variant (a spread past 60,000); `every edge`: paths built to walk each of its edges. */
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
        // Steps reached only through a named entry (a pasted delivery error) are walked from it.
        // They end where they join the nodes the start's paths walk on from.
        const joinAt = reachableNodes([compiled.flow.start], flowEdges(compiled.flow.steps));
        const entries = Object.keys(compiled.flow.entries);
        const coveringEveryEdge = [compiled.flow.start, ...entries].flatMap((from, index) =>
          edgeCoveringPaths(compiled.flow, index === 0 ? {} : { entry: from, joinAt }),
        );
        let paths: FlowPath[];
        let available: number | string;
        if (set.paths === 'all') {
          // The simple paths from the start (a spread past the cap), plus the edge-covering
          // ones, which also walk the entries and whatever edges a spread happened to miss.
          const enumerated = enumeratePaths(compiled.flow, { limit: 5_000_000 });
          expect(enumerated.truncated).toBe(false);
          paths = [...spreadSample(enumerated.paths, maxReplayedSimplePaths), ...coveringEveryEdge];
          available = `${enumerated.paths.length} simple paths and ${coveringEveryEdge.length} edge-covering ones`;
        } else {
          paths = coveringEveryEdge;
          available = 'all edges';
        }
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
        console.log(`${source.id} (${set.name}): ${paths.length} paths replayed (of ${available})`);
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

/**
 * The most simple paths one variant replays in the exhaustive gate. Simple paths grow
 * exponentially with a flow's branches (642,734 through invite-not-received with every
 * capability, ~1.7 ms each to replay); past this many, an even spread across the enumeration
 * order is replayed, so every region of the graph is still walked in many combinations.
 */
const maxReplayedSimplePaths = 60_000;

/** Every `n`-th path so that at most `max` remain, always keeping the first and last. */
function spreadSample(paths: readonly FlowPath[], max: number): FlowPath[] {
  if (paths.length <= max) return [...paths];
  const stride = paths.length / max;
  return Array.from({ length: max }, (_, index) => paths[Math.min(paths.length - 1, Math.round(index * stride))] as FlowPath);
}

function edgeKey(from: string, via: string): string {
  return `${from} -[${via}]->`;
}

function pct(part: number, whole: number): string {
  return `${((part / whole) * 100).toFixed(1)}%`;
}
