import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { supportedLocales } from '../../../src/app/supportedLocales.ts';
import { allCapabilities, compileFlow, flowCapabilities, formatFlowProblem, parseFlow, resolveFlow, validateFlow, type Capability, type FlowProblem } from '../../../src/engine/index.ts';
import { createInvitationRegistry } from '../../../src/registry/index.ts';
import { loadLocaleKeys, relativeToRepo, shippedFlowFiles } from '../../../scripts/lib/loadProjectFiles.ts';
import { createStubBackend } from '../../support/createStubBackend.ts';

const registry = createInvitationRegistry();
const files = shippedFlowFiles();
const flows = files.map((file) => {
  const parsed = parseFlow(readFileSync(file, 'utf8'), relativeToRepo(file));
  if (!parsed.ok) throw new Error(parsed.problems.map(formatFlowProblem).join('\n'));
  return parsed.flow;
});

describe('the shipped flows', () => {
  for (const flow of flows) {
    it(`${flow.id} validates against the registry, every locale and every capability subset`, () => {
      const problems = validateFlow(flow, { registry, knownFlows: flows.map((other) => other.id), locales: loadLocaleKeys() });
      expect(problems.map(formatFlowProblem)).toEqual([]);
    });

    const used = flowCapabilities(flow, registry);
    it(`${flow.id} resolves for every one of the ${2 ** used.length} subsets of the ${used.length} capabilities it depends on, and compiles for the telling ones`, () => {
      const unused = allCapabilities.filter((capability) => !used.includes(capability));
      // Resolution is what capabilities change, so every subset is resolved (every target must
      // lead to a step that exists). Building an XState machine costs ~50 ms and depends only on
      // the resolved steps, so it runs for the sets that differ most: none, all, and each one missing.
      const compileMasks = new Set([0, (1 << used.length) - 1, ...used.map((_, bit) => ((1 << used.length) - 1) & ~(1 << bit))]);
      let resolved = 0;
      for (let mask = 0; mask < 1 << used.length; mask++) {
        const capabilities = [...unused, ...used.filter((_, bit) => (mask & (1 << bit)) !== 0)] as Capability[];
        const fail = (problems: FlowProblem[]) => new Error(`with ${capabilities.join(', ') || 'no capabilities'}: ${problems.map(formatFlowProblem).join('; ')}`);
        const resolution = resolveFlow(flow, new Set(capabilities), registry);
        if (!resolution.ok) throw fail(resolution.problems);
        resolved++;
        if (!compileMasks.has(mask)) continue;
        const result = compileFlow(flow, { registry, backend: createStubBackend(capabilities) });
        if (!result.ok) throw fail(result.problems);
      }
      expect(resolved).toBe(2 ** used.length);
    });
  }

  it('depend on no more capabilities than validation can afford to enumerate', () => {
    for (const flow of flows) expect(flowCapabilities(flow, registry).length).toBeLessThanOrEqual(10);
  });

  it('ship in every supported language', () => {
    expect(Object.keys(loadLocaleKeys()).sort()).toEqual([...supportedLocales].sort());
  });
});
