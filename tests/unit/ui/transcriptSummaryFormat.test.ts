import { describe, expect, it } from 'vitest';
import { allCapabilities, resolveFlow, type TranscriptEntry } from '../../../src/engine/index.ts';
import { createInvitationRegistry } from '../../../src/registry/index.ts';
import { createFormatters } from '../../../src/ui/createFormatters.ts';
import { describeTranscriptEntry } from '../../../src/ui/describeTranscriptEntry.ts';
import { shippedFlow } from './shippedFlow.ts';

/** Words for the summary's keys only; the point here is how numbers and the list are written. */
const text = (key: string, params: Record<string, unknown> = {}) => (key === 'app.transcript.result' ? String(params.summary) : key.split('.').pop() ?? key);

function summaryIn(locale: string, summary: Record<string, number | string>): string {
  const result = resolveFlow(shippedFlow(), new Set(allCapabilities), createInvitationRegistry());
  if (!result.ok) throw new Error('the shipped flow resolves');
  const entry: TranscriptEntry = { type: 'result', at: 0, stepId: 'loadDeliveryLog', action: 'loadDeliveryLog', summary };
  return describeTranscriptEntry(entry, { flow: result.flow, text, params: {}, format: createFormatters(locale) });
}

describe('a backend call’s summary in the transcript', () => {
  it('writes numbers and the list of facts as the language does, through Intl', () => {
    expect(summaryIn('en', { events: 12345, status: 'x' })).toBe('events: 12,345, status: x');
    expect(summaryIn('de', { events: 12345 })).toBe('events: 12.345');
    expect(summaryIn('ja', { events: 2, status: 'x' })).toBe('events: 2、status: x');
    expect(summaryIn('ar-EG', { events: 3, status: 'x' })).toBe(new Intl.ListFormat('ar-EG', { type: 'conjunction', style: 'narrow' }).format(['events: ٣', 'status: x']));
  });
});
