import type { ResolvedFlow, TranscriptEntry } from '../engine/index.ts';
import { errorKey } from './describeBackendError.ts';
import type { Formatters } from './createFormatters.ts';
import type { Translate } from './itTicketText.ts';

export interface TranscriptWords {
  flow: ResolvedFlow;
  text: Translate;
  params: Record<string, string>;
  format: Formatters;
}

/** One transcript line in plain words: what was shown, answered, typed, called, and what came back. */
export function describeTranscriptEntry(entry: TranscriptEntry, words: TranscriptWords): string {
  const { text } = words;
  switch (entry.type) {
    case 'step':
      return text('app.transcript.step', { title: stepTitle(entry.stepId, words) });
    case 'answer':
      return text('app.transcript.answer', { question: stepTitle(entry.stepId, words), answer: optionLabel(entry.stepId, entry.optionId, words) });
    case 'input':
      return text('app.transcript.input', { field: text(`app.transcript.fields.${entry.field}`), value: entry.value });
    case 'call':
      return text('app.transcript.call', { action: actionName(entry.action, words) });
    case 'result':
      return text('app.transcript.result', { action: actionName(entry.action, words), summary: describeSummary(entry.summary, words) });
    case 'error':
      return text('app.transcript.error', { action: actionName(entry.action, words), error: text(`app.errors.${errorKey(entry.error)}.title`) });
    case 'wait':
      return text(entry.how === 'skipped' ? 'app.transcript.waitSkipped' : 'app.transcript.waitElapsed', { title: stepTitle(entry.stepId, words) });
    case 'back':
      return text('app.transcript.back', { title: stepTitle(entry.to, words) });
    case 'restart':
      return text('app.transcript.restart');
    case 'note':
      return text('app.transcript.note', { text: entry.text });
    case 'entry':
      return text('app.transcript.entry', { entry: entry.entry, title: stepTitle(entry.from, words) });
  }
}

function stepTitle(stepId: string, { flow, text, params }: TranscriptWords): string {
  const title = flow.steps[stepId]?.title;
  return title ? text(title, params) : stepId;
}

function optionLabel(stepId: string, optionId: string, { flow, text, params }: TranscriptWords): string {
  const step = flow.steps[stepId];
  const option = step?.kind === 'question' ? step.options.find((candidate) => candidate.id === optionId) : undefined;
  return option ? text(option.label, params) : optionId;
}

function actionName(action: string, { text }: TranscriptWords): string {
  return text(`app.actions.${action}`, { defaultValue: action });
}

const isoDate = /^\d{4}-\d{2}-\d{2}T/;
/** Summary values that are codes with a translation of their own. */
const valueKeys: Record<string, string> = { status: 'app.user.statuses', problem: 'app.delivery.categories' };

function describeSummary(summary: Record<string, string | number | boolean | null>, { text, format }: TranscriptWords): string {
  const parts = Object.entries(summary).map(([key, value]) => {
    const shown =
      value === null
        ? '—'
        : typeof value === 'boolean'
          ? text(value ? 'app.common.yes' : 'app.common.no')
          : typeof value === 'string' && isoDate.test(value)
            ? format.dateTime(value)
            : typeof value === 'string' && valueKeys[key]
              ? text(`${valueKeys[key]}.${value}`, { defaultValue: value })
              : String(value);
    return `${text(`app.summaryKeys.${key}`, { defaultValue: key })}: ${shown}`;
  });
  return parts.length > 0 ? parts.join(', ') : text('app.transcript.ok');
}
