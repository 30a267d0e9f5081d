import { describe, expect, it } from 'vitest';
import { allCapabilities, flowEdges, isTerminalStep, parseFlow, resolveFlow, type ResolvedFlow } from '../../../src/engine/index.ts';
import { createInvitationRegistry } from '../../../src/registry/index.ts';
import { estimateProgress } from '../../../src/ui/estimateProgress.ts';
import notReceived from '../../../flows/invite-not-received.json';
import linkExpired from '../../../flows/invite-link-expired.json';

function resolved(data: unknown, file: string): ResolvedFlow {
  const parsed = parseFlow(data, file);
  if (!parsed.ok) throw new Error(`${file} parses`);
  const result = resolveFlow(parsed.flow, new Set(allCapabilities), createInvitationRegistry());
  if (!result.ok) throw new Error(`${file} resolves`);
  return result.flow;
}

const shipped = [resolved(notReceived, 'flows/invite-not-received.json'), resolved(linkExpired, 'flows/invite-link-expired.json')];
const isScreen = (flow: ResolvedFlow, id: string) => !['check', 'action'].includes(flow.steps[id]?.kind ?? 'check');

/** The screens a person can meet first: the first screen on every way from the start. */
function firstScreens(flow: ResolvedFlow): string[] {
  const seen = new Set<string>();
  const found = new Set<string>();
  const queue = [flow.start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    if (isScreen(flow, id)) {
      found.add(id);
      continue;
    }
    for (const edge of flowEdges(flow.steps)) if (edge.from === id && edge.via.type !== 'failed' && edge.via.type !== 'retry') queue.push(edge.to);
  }
  return [...found];
}

describe('the progress estimate on the shipped flows', () => {
  it.each(shipped.map((flow) => [flow.id, flow] as const))('shows a small share on the first screen of %s, never half', (_, flow) => {
    const first = firstScreens(flow).filter((id) => !isTerminalStep(flow.steps[id] as never));
    expect(first.length).toBeGreaterThan(2);
    const shares = first.map((id) => ({ id, fraction: estimateProgress(flow, id, [id]).fraction }));
    // Even a first screen whose answers all end the check (one screen left) is far from half.
    expect(shares.filter((share) => share.fraction > 0.25)).toEqual([]);
    // While the first backend call runs, before any screen, the bar is near empty too.
    expect(estimateProgress(flow, flow.start, []).fraction).toBeLessThanOrEqual(0.1);
  });

  it.each(shipped.map((flow) => [flow.id, flow] as const))('never moves back along a way forward through %s, and is full at an outcome', (_, flow) => {
    // Walk every way forward from the start that repeats no step (options, branches, normal answers).
    const forwardTypes = new Set(['option', 'input', 'continue', 'branch', 'otherwise', 'done', 'elapsed']);
    const ahead = new Map<string, string[]>();
    for (const edge of flowEdges(flow.steps)) if (forwardTypes.has(edge.via.type)) ahead.set(edge.from, [...(ahead.get(edge.from) ?? []), edge.to]);
    let checked = 0;
    const visit = (id: string, trail: string[], last: number, onWay: Set<string>) => {
      // Screens only: checks and calls pass in a moment, between the screens a person sees.
      const screen = isScreen(flow, id);
      const here = screen ? [...trail, id] : trail;
      const fraction = screen ? estimateProgress(flow, id, here).fraction : last;
      if (fraction < last) expect.fail(`the bar moved back at ${[...onWay, id].join(' → ')}`);
      checked += 1;
      if (isTerminalStep(flow.steps[id] as never)) {
        expect(fraction).toBe(1);
        return;
      }
      onWay.add(id);
      for (const next of ahead.get(id) ?? []) if (!onWay.has(next)) visit(next, here, fraction, onWay);
      onWay.delete(id);
    };
    visit(flow.start, [], 0, new Set());
    expect(checked).toBeGreaterThan(50);
  });
});
