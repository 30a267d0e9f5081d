import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import {
  compileFlow,
  createPolicy,
  currentStep,
  parseFlow,
  type Capability,
  type Flow,
  type Policy,
  type SessionContext,
  type Step,
} from '../../../src/engine/index.ts';
import { allCapabilities } from '../../../src/engine/index.ts';
import { createInvitationRegistry } from '../../../src/registry/index.ts';
import { createMemoryBackend, demoSeed, type MemoryBackend } from '../../../src/adapters/index.ts';
import { createI18n } from '../../../src/app/createI18n.ts';
import { stepTextParams } from '../../../src/ui/stepTextParams.ts';
import { unescapeText } from '../../../src/ui/unescapeText.ts';
import { repoRoot } from '../../../scripts/lib/loadProjectFiles.ts';
import type { Move } from '../../support/driveSession.ts';

/**
 * Issue 12, item 3: no flow text ever shows a date as "—" or a count as "1 days". Real sessions
 * are played against the memory backend; at every step shown, each of its texts is rendered in
 * en, de and sv with the session's facts at that moment, once with the default policy and once
 * with a policy of ones (1 day, 1 hour, 1 minute), where a bare number before a plural unit shows.
 */
const languages = ['en', 'de', 'sv'] as const;
const locales = Object.fromEntries(
  languages.map((language) => [
    language,
    Object.fromEntries(['app', 'flows', 'diagnostics'].map((ns) => [ns, JSON.parse(readFileSync(path.join(repoRoot, 'locales', language, `${ns}.json`), 'utf8'))])),
  ]),
);
const i18n = createI18n({ lng: 'en', resources: locales });

const minute = 60_000;
const ones: Policy = createPolicy({ inviteExpiryMs: 24 * 60 * minute, resetLinkExpiryMs: 60 * minute, resendCooldownMs: minute, deliveryWindowMs: minute });
const policies: Array<[string, Policy]> = [
  ['default', createPolicy()],
  ['ones', ones],
];
/** "1 days" and its kin in each language: a bare number before a plural unit. */
const pluralAfterOne = /(?<![\d.,])1 (days|hours|minutes|seconds|Tage|Tagen|Stunden|Minuten|Sekunden|dagar|timmar|minuter|sekunder)\b/;

function loadFlow(file: string): Flow {
  const parsed = parseFlow(readFileSync(path.join(repoRoot, 'flows', file), 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.flow;
}

/** Every text key a step shows: title, body, say, check, labels, option labels and hints. */
function textKeys(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('flows.') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(textKeys);
  if (value && typeof value === 'object') return Object.values(value).flatMap(textKeys);
  return [];
}

interface Problem {
  flow: string;
  scenario: string;
  step: string;
  text: string;
}

const now = Date.parse('2026-11-22T10:00:00.000Z');
const problems: Problem[] = [];
const scanned = new Map<string, Set<string>>();

function scan(flowId: string, scenario: string, stepId: string, step: Step, context: SessionContext) {
  const seen = scanned.get(flowId) ?? new Set<string>();
  seen.add(stepId);
  scanned.set(flowId, seen);
  for (const language of languages) {
    const t = i18n.getFixedT(language, 'flows');
    for (const [policyName, policy] of policies) {
      const params = stepTextParams(context, policy, language, now);
      for (const key of textKeys(step)) {
        const text = unescapeText(String(t(key, params)));
        const where = `${scenario} [${language}, ${policyName} policy]`;
        if (text.includes('—')) problems.push({ flow: flowId, scenario: where, step: stepId, text });
        if (pluralAfterOne.test(text)) problems.push({ flow: flowId, scenario: where, step: stepId, text });
      }
    }
  }
}

interface Scenario {
  name: string;
  email: string | null;
  moves: Move[];
  without?: Capability[];
  prepare?: (backend: MemoryBackend) => void;
}

/** Plays one session like driveSession does, scanning every step it shows. */
async function play(flow: Flow, scenario: Scenario) {
  const backend = createMemoryBackend(demoSeed, () => now, { capabilities: allCapabilities.filter((name) => !scenario.without?.includes(name)) });
  scenario.prepare?.(backend);
  const compiled = compileFlow(flow, { registry: createInvitationRegistry(), backend, clock: () => now });
  if (!compiled.ok) throw new Error(compiled.problems.map((problem) => problem.message).join('\n'));
  const { flow: resolved, machine } = compiled.compiled;
  const queue = [...scenario.moves];
  const actor = createActor(machine, { input: { email: scenario.email } }).start();
  for (let guard = 0; guard < 200; guard++) {
    await waitFor(actor, (snapshot) => !currentStep(resolved, snapshot)?.running, { timeout: 2000 });
    const snapshot = actor.getSnapshot();
    const here = currentStep(resolved, snapshot);
    if (!here) throw new Error('the session is in no step');
    scan(flow.id, scenario.name, here.id, here.step, snapshot.context);
    if (snapshot.hasTag('outcome') || snapshot.hasTag('jump')) break;
    const move = here.failed || here.step.kind === 'question' || here.step.kind === 'input' ? queue.shift() : undefined;
    if (here.failed) actor.send(typeof move === 'object' && 'press' in move && move.press === 'retry' ? { type: 'action.retry' } : { type: 'step.continue' });
    else if (here.confirming) actor.send({ type: 'action.confirm' });
    else if (here.step.kind === 'info') actor.send({ type: 'step.continue' });
    else if (here.step.kind === 'wait') actor.send({ type: 'wait.skip' });
    else if (move === undefined) break;
    else if (typeof move === 'string') actor.send({ type: 'answer.select', optionId: move });
    else if ('input' in move) actor.send({ type: 'input.submit', value: move.input });
  }
  actor.stop();
}

const notReceived: Scenario[] = [
  { name: 'ana resends', email: 'ana.invited@example.com', moves: ['notThere', 'notThere', 'correct', 'saysExpired', 'works'] },
  { name: 'ana copies the link', email: 'ana.invited@example.com', moves: ['notThere', 'notThere', 'correct', 'stillNothing', 'copy', 'expired', 'stillExpired'] },
  {
    name: 'ana refused with a Retry-After',
    email: 'ana.invited@example.com',
    moves: ['notThere', 'notThere', 'correct', 'waitForIt'],
    prepare: (backend) => backend.injectFault('resendInvite', { kind: 'rate_limited', retryAfterMs: 7 * minute }),
  },
  {
    name: 'ana refused without a usable Retry-After',
    email: 'ana.invited@example.com',
    moves: ['notThere', 'notThere', 'correct', 'later'],
    prepare: (backend) => backend.injectFault('resendInvite', { kind: 'rate_limited', retryAfterMs: Number.NaN }),
  },
  { name: 'ben inside the cooldown', email: 'ben.recent@example.com', moves: ['notYet', 'notThere', 'notThere', 'correct', 'copyLink', 'worked'] },
  { name: 'ben waits out the cooldown', email: 'ben.recent@example.com', moves: ['notYet', 'notThere', 'notThere', 'correct', 'waitForIt', 'arrived'] },
  { name: 'cara expired', email: 'cara.expired@example.com', moves: ['stillNothing', 'escalate'] },
  { name: 'dan forgot the password', email: 'dan.active@example.com', moves: ['forgotPassword', 'notArrived'] },
  { name: 'dan without lookup', email: 'dan.active@example.com', moves: ['active', 'forgotPassword', 'worked'], without: ['lookup'] },
  { name: 'ana without lookup, just sent', email: 'ana.invited@example.com', moves: ['invited', 'minutesAgo', 'notYet', 'notThere', 'notThere', 'othersToo', 'waitingForIt'], without: ['lookup'] },
  { name: 'ana without lookup, long ago', email: 'ana.invited@example.com', moves: ['invited', 'longAgo', 'stillNothing'], without: ['lookup'] },
  { name: 'someone never invited', email: 'stranger@example.com', moves: ['invite'] },
  { name: 'a typo nobody has', email: 'new.hire@gmial.com', moves: ['useSuggestion', 'invite'] },
  { name: 'eve deactivated', email: 'eve.deactivated@example.com', moves: [] },
  { name: 'finn without MX', email: 'finn@exampel.com', moves: [{ input: 'finn@example.com' }] },
  { name: 'gus without a mailbox', email: 'gus.nomailbox@example.com', moves: [{ input: 'gus@example.com' }] },
  { name: 'hana suppressed', email: 'hana.suppressed@example.com', moves: ['arrived'] },
  { name: 'ivan behind a filter', email: 'ivan@corp.example', moves: ['waitingForIt'] },
  { name: 'jo with SSO', email: 'jo.sso@example.com', moves: ['cannot'] },
  { name: 'kim halfway', email: 'kim.halfway@example.com', moves: ['worked'] },
  { name: 'lee with a typo', email: 'lee@gmial.com', moves: ['addressIsRight', 'notThere', 'notThere', 'correct', 'arrived'] },
  { name: 'without resend', email: 'ana.invited@example.com', moves: ['notThere', 'notThere', 'correct', 'saysExpired', 'works'], without: ['resend'] },
  {
    name: 'a resend answered with an expiry in the past',
    email: 'cara.expired@example.com',
    moves: [],
    prepare: (backend) => {
      const resend = backend.resendInvite.bind(backend);
      backend.resendInvite = async (userId, options) => {
        const result = await resend(userId, options);
        return result.ok ? { ok: true, value: { ...result.value, expiresAt: new Date(now - minute).toISOString() } } : result;
      };
    },
  },
  { name: 'no address yet', email: null, moves: [{ input: 'ana.invited@example.com' }, 'notThere', 'notThere', 'wrong', { input: 'ana@example.com' }] },
];

describe('flow texts never show "—" or "1 days"', () => {
  afterAll(() => {
    // Which steps the scenarios reached, for whoever extends them.
    for (const [flowId, steps] of scanned) console.log(`${flowId}: ${steps.size} steps scanned`);
  });

  it.each(notReceived)('invite-not-received: $name', async (scenario) => {
    const before = problems.length;
    await play(loadFlow('invite-not-received.json'), scenario);
    expect(problems.slice(before)).toEqual([]);
  });

  it('reaches every step whose text shows a date or a duration', () => {
    const flow = loadFlow('invite-not-received.json');
    const en = locales.en?.flows as Record<string, unknown>;
    const withTime = Object.entries(flow.steps)
      .filter(([, step]) => textKeys(step).some((key) => /\{\{(\w*At|\w*Ago|inviteExpiry|deliveryWindow|cooldown|resetExpiry)\}\}/.test(String(lookup(en, key)))))
      .map(([id]) => id);
    const missed = withTime.filter((id) => !scanned.get('invite-not-received')?.has(id));
    expect(missed).toEqual([]);
  });

  it('uses no bare-number duration parameter in any flow text (they read "1 days")', () => {
    for (const language of languages) {
      const texts = JSON.stringify(locales[language]?.flows);
      expect(texts).not.toMatch(/\{\{(inviteExpiryDays|deliveryWindowMinutes|cooldownMinutes|resetExpiryHours)\}\}/);
    }
  });
});

function lookup(tree: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}
