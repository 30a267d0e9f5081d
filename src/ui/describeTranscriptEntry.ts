import type { ResolvedFlow, TranscriptEntry } from '../engine/index.ts';
import { errorKey } from './describeBackendError.ts';
import type { Formatters } from './createFormatters.ts';
import type { Translate } from './itTicketText.ts';
import { answerName, stepName } from './stepName.ts';

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
      return text('app.transcript.call', { action: actionName(entry, words) });
    case 'result':
      return text('app.transcript.result', { action: actionName(entry, words), summary: describeSummary(entry.summary, words) });
    case 'error':
      return text('app.transcript.error', { action: actionName(entry, words), error: text(`app.errors.${errorKey(entry.error)}.title`) });
    case 'wait':
      return text(entry.how === 'skipped' ? 'app.transcript.waitSkipped' : 'app.transcript.waitElapsed', { title: stepTitle(entry.stepId, words) });
    case 'back':
      return text('app.transcript.back', { title: stepTitle(entry.to, words) });
    case 'restart':
      return text('app.transcript.restart');
    case 'note':
      return text('app.transcript.note', { text: entry.text });
    case 'entry':
      return text('app.transcript.entry', { entry: entryName(entry.entry, words), title: stepTitle(entry.from, words) });
  }
}

function stepTitle(stepId: string, { flow, text, params }: TranscriptWords): string {
  return stepName(flow, stepId, text, params);
}

/** A named entry (`escalate`, `deliveryError`): what the agent pressed to get there. */
function entryName(entry: string, words: TranscriptWords): string {
  return words.text(`app.transcript.entries.${entry}`, { defaultValue: words.text('app.transcript.unknownStep') });
}

function optionLabel(stepId: string, optionId: string, { flow, text, params }: TranscriptWords): string {
  return answerName(flow, stepId, optionId, text, params);
}

/** An action by its own text, else (an action without one, as a plugin's may be) by its step's title. */
function actionName({ action, stepId }: { action: string; stepId: string }, words: TranscriptWords): string {
  return words.text(`app.actions.${action}`, { defaultValue: stepTitle(stepId, words) });
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
              : typeof value === 'number'
                ? format.number(value)
                : value;
    return `${text(`app.summaryKeys.${key}`, { defaultValue: key })}: ${shown}`;
  });
  return parts.length > 0 ? format.list(parts) : text('app.transcript.ok');
}
