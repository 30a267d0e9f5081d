import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFlow, formatFlowProblem, parseFlow, validateFlow, type FlowProblem } from '../../src/engine/index.ts';
import { createInvitationRegistry } from '../../src/registry/index.ts';
import { shippedFlowFiles } from '../../scripts/lib/loadProjectFiles.ts';
import { createStubBackend } from '../support/createStubBackend.ts';

/**
 * The flow loader on 10,000 random and mutated inputs: it never throws, and every refusal is a
 * clear `file: step: message`. A flow that passes validation must also compile.
 */
const registry = createInvitationRegistry();
const shipped = shippedFlowFiles().map((file) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
const backend = createStubBackend(['lookup', 'resend', 'copyLink', 'passwordReset', 'cancel', 'reinvite', 'deliveryLog', 'unsuppress']);

function load(input: unknown): FlowProblem[] {
  const parsed = parseFlow(input, 'flows/fuzzed.json');
  if (!parsed.ok) return parsed.problems;
  const problems = validateFlow(parsed.flow, { file: 'flows/fuzzed.json', registry, optionalCapabilities: [] });
  if (problems.length === 0) {
    const compiled = compileFlow(parsed.flow, { registry, backend });
    if (!compiled.ok) return compiled.problems;
  }
  return problems;
}

function expectClear(problems: FlowProblem[]): void {
  for (const problem of problems) {
    // The step is a plain id, `(flow)`, `(empty step id "")`, or a JSON-quoted malformed id.
    expect(formatFlowProblem(problem)).toMatch(/^flows\/fuzzed\.json: ([A-Za-z][A-Za-z0-9_-]*|\((flow|empty step id "[^"]*")\)|"(?:[^"\\]|\\.)*"): \S.*/s);
  }
}

/** A mutation picks a path inside a shipped flow and deletes it, or replaces it with a random value. */
const mutation = fc.record({
  base: fc.nat({ max: shipped.length - 1 }),
  edits: fc.array(
    fc.record({ pick: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), value: fc.oneof(fc.constant(undefined), fc.jsonValue(), fc.string(), fc.constantFrom('ghost', 'start', 'escalate', 'isUserActive', 'findUser', 'a.b')) }),
    { minLength: 1, maxLength: 4 },
  ),
});

function mutate(base: Record<string, unknown>, edits: Array<{ pick: number[]; value: unknown }>): unknown {
  const copy = structuredClone(base);
  for (const edit of edits) {
    let node: unknown = copy;
    for (let depth = 0; depth < edit.pick.length; depth++) {
      if (!node || typeof node !== 'object') break;
      const keys = Object.keys(node);
      if (keys.length === 0) break;
      const key = keys[(edit.pick[depth] as number) % keys.length] as string;
      if (depth === edit.pick.length - 1 || typeof (node as Record<string, unknown>)[key] !== 'object') {
        if (edit.value === undefined) delete (node as Record<string, unknown>)[key];
        else (node as Record<string, unknown>)[key] = edit.value;
        break;
      }
      node = (node as Record<string, unknown>)[key];
    }
  }
  return copy;
}

describe('fuzzing the flow loader', () => {
  it('survives 5,000 mutated shipped flows with clear problems', () => {
    let refused = 0;
    fc.assert(
      fc.property(mutation, ({ base, edits }) => {
        const problems = load(mutate(shipped[base] as Record<string, unknown>, edits));
        if (problems.length > 0) refused++;
        expectClear(problems);
      }),
      { numRuns: 5_000, seed: 20261122 },
    );
    console.log(`flow loader: 5000 mutated flows, ${refused} refused with file: step: message, none crashed`);
  }, 120_000);

  it('survives 5,000 arbitrary values and texts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string({ unit: 'binary' }), fc.anything()), (input) => {
        expectClear(load(input));
      }),
      { numRuns: 5_000, seed: 20261123 },
    );
  }, 60_000);
});
