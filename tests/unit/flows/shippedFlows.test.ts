import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCapabilities, compileFlow, formatFlowProblem, parseFlow, validateFlow, type Capability } from '../../../src/engine/index.ts';
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

    it(`${flow.id} compiles for every one of the ${2 ** allCapabilities.length} subsets of backend capabilities`, () => {
      let compiled = 0;
      for (let mask = 0; mask < 1 << allCapabilities.length; mask++) {
        const capabilities = allCapabilities.filter((_, bit) => (mask & (1 << bit)) !== 0) as Capability[];
        const result = compileFlow(flow, { registry, backend: createStubBackend(capabilities) });
        if (!result.ok) throw new Error(`with ${capabilities.join(', ') || 'no capabilities'}: ${result.problems.map(formatFlowProblem).join('; ')}`);
        compiled++;
      }
      expect(compiled).toBe(256);
    });
  }

  it('ship in English, German and Swedish', () => {
    expect(Object.keys(loadLocaleKeys()).sort()).toEqual(['de', 'en', 'sv']);
  });
});
