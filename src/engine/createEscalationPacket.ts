import type { SessionContext, TranscriptEntry } from './SessionContext.ts';
import type { ResolvedFlow } from './resolveFlow.ts';
import { maskSecrets, redactAddress } from './maskSecrets.ts';

/**
 * Everything support needs to act on a case without asking again, as data (`json`) and as a
 * ticket-ready Markdown text. Links and tokens are masked everywhere, including in notes; the
 * address can be redacted (the domain stays, since it often is the diagnosis).
 */
export interface EscalationPacket {
  flow: { id: string; version: string; hash: string };
  session: { startedAt: string; createdAt: string; stepId: string; outcome: string | null };
  user: {
    email: string | null;
    correctedEmail: string | null;
    status: string | null;
    team: string | null;
    /** The team's name where the backend has one. */
    teamName: string | null;
    invitedAt: string | null;
    lastSentAt: string | null;
    expiresAt: string | null;
    acceptedAt: string | null;
    setupCompleted: boolean | null;
    sso: boolean | null;
  };
  delivery: { category: string; action: string; code: string | null; text: string; at: string } | null;
  tried: Array<{ at: string; action: string; result: 'ok' | 'error'; detail: string }>;
  answers: Array<{ at: string; stepId: string; answer: string }>;
  notes: Array<{ at: string; stepId: string; text: string }>;
}

export interface PacketOptions {
  flow: ResolvedFlow;
  hash: string;
  /** The outcome reached, if any (`resolved`, `escalated`, `not-resolved`, `waiting`). */
  outcome: string | null;
  now: number;
  /** Replace the address with a masked form (`a•••@example.com`). @default false */
  redactAddress?: boolean;
  /**
   * What people call steps and answers (translated titles and option labels): the Markdown names
   * them so, masked and redacted as the rest. The JSON keeps the ids.
   * @default the ids
   */
  names?: PacketNames;
}

/** Readable names for the Markdown; see `PacketOptions.names`. */
export interface PacketNames {
  step(stepId: string): string;
  answer(stepId: string, optionId: string): string;
}

export function createEscalationPacket(context: SessionContext, options: PacketOptions): { json: EscalationPacket; markdown: string } {
  const addresses = [context.email, context.correctedEmail, context.initialEmail, context.facts.user?.email].filter(
    (address): address is string => Boolean(address),
  );
  const clean = (text: string) => {
    const masked = maskSecrets(text);
    return options.redactAddress ? addresses.reduce((result, address) => result.split(address).join(redactAddress(address)), masked) : masked;
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const user = context.facts.user ?? null;
  const delivery = context.facts.delivery ?? null;

  const json: EscalationPacket = {
    flow: { id: options.flow.id, version: options.flow.version, hash: options.hash },
    session: { startedAt: iso(context.startedAt), createdAt: iso(options.now), stepId: context.stepId, outcome: options.outcome },
    user: {
      email: context.email && clean(context.email),
      correctedEmail: context.correctedEmail && clean(context.correctedEmail),
      status: user?.status ?? null,
      team: user?.team ?? null,
      teamName: user?.teamName ?? null,
      invitedAt: user?.invitedAt ?? null,
      lastSentAt: user?.lastSentAt ?? null,
      expiresAt: user?.expiresAt ?? null,
      acceptedAt: user?.acceptedAt ?? null,
      setupCompleted: user ? user.setupCompleted : null,
      sso: user ? user.sso : null,
    },
    delivery: delivery && { category: delivery.category, action: delivery.action, code: delivery.code, text: clean(delivery.raw), at: delivery.at },
    tried: context.transcript.flatMap((entry) => describeAttempt(entry, clean)),
    answers: context.transcript.flatMap((entry) =>
      entry.type === 'answer' ? [{ at: iso(entry.at), stepId: entry.stepId, answer: entry.optionId }] : [],
    ),
    notes: context.transcript.flatMap((entry) => (entry.type === 'note' ? [{ at: iso(entry.at), stepId: entry.stepId, text: clean(entry.text) }] : [])),
  };
  const { names } = options;
  const cleanNames: PacketNames | undefined = names && {
    step: (stepId) => clean(names.step(stepId)),
    answer: (stepId, optionId) => clean(names.answer(stepId, optionId)),
  };
  return { json, markdown: renderMarkdown(json, cleanNames) };
}

function describeAttempt(entry: TranscriptEntry, clean: (text: string) => string): EscalationPacket['tried'] {
  const at = new Date(entry.at).toISOString();
  if (entry.type === 'result') {
    const detail = Object.entries(entry.summary)
      .map(([key, value]) => `${key}: ${value === null ? '—' : clean(String(value))}`)
      .join(', ');
    return [{ at, action: entry.action, result: 'ok', detail }];
  }
  if (entry.type === 'error') {
    const { kind, ...rest } = entry.error;
    const extra = Object.entries(rest)
      .map(([key, value]) => `${key}: ${clean(String(value))}`)
      .join(', ');
    return [{ at, action: entry.action, result: 'error', detail: extra ? `${kind} (${extra})` : kind }];
  }
  return [];
}

/** Plain Markdown that reads well pasted into any ticket system; table cells escape pipes. */
function renderMarkdown(packet: EscalationPacket, names: PacketNames | undefined): string {
  const cell = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : String(value).replace(/\|/g, '\\|').replace(/\n/g, ' '));
  const step = (stepId: string) => (names ? `“${cell(names.step(stepId))}”` : `\`${stepId}\``);
  const lines = [
    `## Invitation not received: ${cell(packet.user.email)}`,
    '',
    `Flow \`${packet.flow.id}\` v${packet.flow.version} (${packet.flow.hash}), started ${packet.session.startedAt}, summary made ${packet.session.createdAt}.`,
    `Outcome: **${cell(packet.session.outcome ?? 'open')}** (last step ${step(packet.session.stepId)}).`,
    '',
    '### User',
    '| field | value |',
    '|---|---|',
    ...Object.entries(packet.user).map(([key, value]) => `| ${key} | ${cell(value)} |`),
  ];
  if (packet.delivery) {
    lines.push('', '### Delivery', `- ${packet.delivery.category} → ${packet.delivery.action}, code ${cell(packet.delivery.code)}, at ${packet.delivery.at}`);
    lines.push('', '```text', packet.delivery.text.replace(/```/g, "'''"), '```');
  }
  lines.push('', '### What was tried');
  if (packet.tried.length === 0) lines.push('- nothing yet');
  for (const attempt of packet.tried) lines.push(`- ${attempt.at} ${attempt.action}: ${attempt.result === 'ok' ? 'ok' : 'failed'}${attempt.detail ? ` (${cell(attempt.detail)})` : ''}`);
  if (packet.answers.length > 0) {
    lines.push('', '### Answers');
    for (const answer of packet.answers) {
      lines.push(names ? `- ${answer.at} ${step(answer.stepId)}: ${cell(names.answer(answer.stepId, answer.answer))}` : `- ${answer.at} ${answer.stepId}: ${answer.answer}`);
    }
  }
  if (packet.notes.length > 0) {
    lines.push('', '### Notes');
    for (const note of packet.notes) lines.push(`- ${note.at} (${names ? step(note.stepId) : note.stepId}): ${cell(note.text)}`);
  }
  return `${lines.join('\n')}\n`;
}
