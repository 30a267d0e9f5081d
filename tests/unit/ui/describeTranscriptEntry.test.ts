import { describe, expect, it } from 'vitest';
import { allCapabilities, parseFlow, resolveFlow, type ResolvedFlow, type TranscriptEntry } from '../../../src/engine/index.ts';
import { createInvitationRegistry } from '../../../src/registry/index.ts';
import { createFormatters } from '../../../src/ui/createFormatters.ts';
import { describeTranscriptEntry } from '../../../src/ui/describeTranscriptEntry.ts';
import app from '../../../locales/en/app.json';
import flows from '../../../locales/en/flows.json';
import linkExpired from '../../../flows/invite-link-expired.json';
import { shippedFlow } from './shippedFlow.ts';

/** A tiny `t` over the English files: dotted key → text, {{params}} filled in, defaultValue when missing. */
function text(key: string, params: Record<string, unknown> = {}): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], { app: app.app, flows: flows.flows });
  const template = typeof found === 'string' ? found : String(params.defaultValue ?? key);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

function resolved(flow = shippedFlow()): ResolvedFlow {
  const result = resolveFlow(flow, new Set(allCapabilities), createInvitationRegistry());
  if (!result.ok) throw new Error('the shipped flow resolves');
  return result.flow;
}

const words = (flow: ResolvedFlow) => ({ flow, text, params: { email: 'ana@example.com' }, format: createFormatters('en') });
const at = 0;

describe('transcript lines', () => {
  it('name a step by its translated title', () => {
    expect(describeTranscriptEntry({ type: 'step', at, stepId: 'checkSpam' }, words(resolved()))).toBe('Showed “Ask them to look in junk and spam”');
  });

  it('give a step without a title a generic name, and a step the flow no longer has (an earlier version) says so, never the id', () => {
    const flow = resolved();
    expect(flow.steps.routeByDelivery?.title).toBeUndefined();
    const lines = [
      describeTranscriptEntry({ type: 'note', at, stepId: 'routeByDelivery', text: 'x' }, words(flow)),
      describeTranscriptEntry({ type: 'back', at, from: 'checkSpam', to: 'routeByDelivery' }, words(flow)),
      describeTranscriptEntry({ type: 'step', at, stepId: 'stepOfAnEarlierVersion' }, words(flow)),
      describeTranscriptEntry({ type: 'answer', at, stepId: 'stepOfAnEarlierVersion', optionId: 'gone' }, words(flow)),
    ];
    expect(lines).toEqual(['Note: x', 'Went back to “An automatic check”', 'Showed “A step this check no longer has”', 'Answered “A step this check no longer has”: —']);
  });

  it('name entries and every action of the shipped flows in words, never by id', () => {
    const flowsShipped = [resolved(), resolved(parseOrThrow(linkExpired))];
    for (const flow of flowsShipped) {
      for (const [stepId, step] of Object.entries(flow.steps)) {
        if (step.kind !== 'action') continue;
        const entry: TranscriptEntry = { type: 'call', at, stepId, action: step.action };
        expect(describeTranscriptEntry(entry, words(flow))).not.toContain(step.action);
        expect(text(`app.actions.${step.action}`, { defaultValue: '' }), `app.actions.${step.action}`).not.toBe('');
      }
    }
    expect(describeTranscriptEntry({ type: 'entry', at, from: 'checkSpam', entry: 'deliveryError' }, words(resolved()))).toBe(
      'Went straight to “Paste an error” from “Ask them to look in junk and spam”',
    );
  });
});

function parseOrThrow(data: unknown) {
  const parsed = parseFlow(data, 'flows/invite-link-expired.json');
  if (!parsed.ok) throw new Error('the shipped flow parses');
  return parsed.flow;
}
