import { beforeAll, describe, expect, it } from 'vitest';
import {
  compileFlow,
  createPolicy,
  flowEdges,
  runAutomaticDiagnosis,
  type AutomaticDiagnosis,
  type CompiledFlow,
  type DeliveryEvent,
  type InvitedUser,
  type LinkEvent,
  type Policy,
} from '../../../src/engine/index.ts';
import { createMemoryBackend, deliveryAttempt, demoSeed, type MemoryBackend, type MemorySeed } from '../../../src/adapters/index.ts';
import { diagnoseInvitation, type InvitationCause, type InvitationVerdict } from '../../../src/registry/index.ts';
import { edgeCoveringPaths } from '../../support/edgeCoveringPaths.ts';
import { benchClock, benchNow, benchRegistry, loadShippedFlow } from '../../support/shippedFlowBench.ts';

/**
 * The wizard's automatic checks and the invite-health page's verdict must reach the same
 * conclusion about one person. Both run on the same backend's facts here, and agree through ONE
 * table: the step at which the wizard decided (the last of the steps it passed, or stopped at,
 * that the table names) → the verdict causes that step stands for.
 *
 * invite-not-received never reads link events, so where it ends at `checkSpam` (delivered, waiting
 * on the person) the invite-link-expired flow is asked as well: its link checks tell a scanner or
 * another account from a plain wait, and the table holds those steps too (`invite-link-expired/…`).
 */
const wizardStepCauses: Readonly<Record<string, readonly InvitationCause[]>> = {
  // invite-not-received: the lookup
  notFound: ['not_found'],
  notFoundTypo: ['not_found'],
  deactivated: ['deactivated'],
  ssoSignIn: ['sso'],
  setupAbandoned: ['setup_unfinished'],
  alreadyActive: ['accepted'],
  // An active user whose latest mail bounced: still in, the bounce is shown as the verdict's `delivery`.
  activeAddressWrong: ['accepted'],
  inviteExpired: ['expired'],
  // invite-not-received: the delivery log
  nothingLeft: ['not_sent'],
  sendingProblem: ['bounced'],
  badDomain: ['bounced'],
  badMailbox: ['bounced'],
  suppressed: ['suppressed'],
  blockedByFilter: ['blocked_by_filter'],
  mailboxFull: ['bounced'],
  deferred: ['deferred'],
  unknownDeliveryError: ['bounced'],
  // invite-not-received: no delivery problem; the verdict adds `suggestion` and the typo remedy.
  typoSuspected: ['in_flight', 'delivered_not_accepted'],
  waitForDelivery: ['in_flight'],
  checkSpam: ['delivered_not_accepted', 'scanner_used_link', 'wrong_account'],
  // invite-link-expired, asked where invite-not-received reached checkSpam
  'invite-link-expired/scannerSeen': ['scanner_used_link'],
  'invite-link-expired/otherAccount': ['wrong_account'],
  'invite-link-expired/askWhatHappened': ['delivered_not_accepted'],
};

const policy = createPolicy();
const notReceived = loadShippedFlow('invite-not-received.json');
const linkExpired = loadShippedFlow('invite-link-expired.json');

function compiled(flow: typeof notReceived, backend: MemoryBackend): CompiledFlow {
  const result = compileFlow(flow, { registry: benchRegistry, backend, clock: benchClock });
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.compiled;
}

/** The last step passed or stopped at that the table names, prefixed with the flow unless it is invite-not-received. */
function decidingStep(diagnosis: AutomaticDiagnosis): string | null {
  const prefix = diagnosis.flowId === notReceived.id ? '' : `${diagnosis.flowId}/`;
  const steps = [...diagnosis.passed.map((step) => step.stepId), diagnosis.stop.stepId];
  for (let index = steps.length - 1; index >= 0; index--) {
    const key = prefix + (steps[index] as string);
    if (key in wizardStepCauses) return key;
  }
  return null;
}

interface Agreement {
  email: string;
  steps: string[];
  cause: InvitationCause;
  verdict: InvitationVerdict;
  wizard: AutomaticDiagnosis;
}

/** Runs the wizard (and, at checkSpam, the link flow) and the verdict on `backend`'s facts for `email`. */
async function agree(backend: MemoryBackend, flows: { notReceived: CompiledFlow; linkExpired: CompiledFlow }, email: string): Promise<Agreement> {
  const wizard = await runAutomaticDiagnosis(flows.notReceived, email);
  const steps = [decidingStep(wizard) ?? `(no table step: stopped at ${wizard.stop.kind} ${wizard.stop.stepId})`];
  if (steps[0] === 'checkSpam') {
    const links = await runAutomaticDiagnosis(flows.linkExpired, email);
    steps.push(decidingStep(links) ?? `(no table step in ${links.flowId}: stopped at ${links.stop.stepId})`);
  }
  const user = await backend.findUser(email);
  const deliveryEvents = await backend.deliveryEvents(email);
  const linkEvents = (await backend.linkEvents?.(email)) ?? { ok: true as const, value: [] };
  const sending = await backend.sendingStatus?.();
  if (!user.ok || !deliveryEvents.ok || !linkEvents.ok) throw new Error(`${email}: the backend failed`);
  const verdict = diagnoseInvitation(
    user.value,
    { deliveryEvents: deliveryEvents.value, linkEvents: linkEvents.value, ...(sending?.ok ? { sending: sending.value } : {}) },
    policy,
    benchNow,
  );
  return { email, steps, cause: verdict.cause, verdict, wizard };
}

/** Every cause the table allows at every step the wizard took; the empty list where it names none. */
function allowed(steps: readonly string[]): InvitationCause[] {
  return steps.reduce<InvitationCause[] | null>((causes, step) => {
    const here = wizardStepCauses[step] ?? [];
    return causes === null ? [...here] : causes.filter((cause) => here.includes(cause));
  }, null) ?? [];
}

function expectAgreement(agreement: Agreement): void {
  expect({ email: agreement.email, steps: agreement.steps, cause: agreement.cause, allowed: allowed(agreement.steps).includes(agreement.cause) }).toEqual({
    email: agreement.email,
    steps: agreement.steps,
    cause: agreement.cause,
    allowed: true,
  });
  // The same latest delivery problem, classified the same way, wherever the wizard read the log.
  if (agreement.wizard.deliveryRead && agreement.cause !== 'accepted') {
    const pick = (finding: InvitationVerdict['delivery']) => finding && { action: finding.action, category: finding.category, code: finding.code };
    expect(pick(agreement.verdict.delivery)).toEqual(pick(agreement.wizard.delivery));
  }
  // The wizard asks about a typo exactly where the verdict carries a suggestion (among undelivered-problem-free invitations).
  if (agreement.steps[0] === 'typoSuspected') expect(agreement.verdict.suggestion).not.toBeNull();
  if (agreement.steps[0] === 'checkSpam' || agreement.steps[0] === 'waitForDelivery') expect(agreement.verdict.suggestion).toBeNull();
}

function flowsFor(backend: MemoryBackend) {
  return { notReceived: compiled(notReceived, backend), linkExpired: compiled(linkExpired, backend) };
}

describe('diagnoseInvitation agrees with the wizard on the demo organisation', () => {
  const backend = createMemoryBackend(demoSeed, benchClock, { latencyMs: 0 });
  const flows = flowsFor(backend);
  const people = demoSeed(benchNow, policy).users.map((user) => user.email);

  it('reaches the cause the wizard stopped at, for every seeded person', async () => {
    const seen = new Set<InvitationCause>();
    for (const email of people) {
      const agreement = await agree(backend, flows, email);
      expectAgreement(agreement);
      seen.add(agreement.cause);
    }
    // The demo tells many stories; a change that folds them into a few causes should be seen.
    expect(seen.size).toBeGreaterThanOrEqual(12);
  });

  it('names nobody for an address nobody has, as the lookup does', async () => {
    expectAgreement(await agree(backend, flows, 'nobody.here@example.com'));
  });
});

/**
 * "Every path's facts": the flow's path tests script each check's branch without facts
 * (tests/support/replayPath.ts), so here facts are made for each branch of the checks that read
 * user and delivery facts (`factChecks`), the real wizard runs on them, and the verdict must agree
 * through the same table. Every edge out of those checks that the edge-covering paths walk must
 * be walked by some scenario, so a new branch in the flow fails this test until it is held too.
 *
 * Held apart, and why: branches that lead to the same step count as one edge (the three ways to
 * `nothingLeft` each have a scenario, but the wizard's record does not tell them apart); checks
 * after a person's answer or a side effect (`resendOffer`, `checkResendExpiry`, `oldEmailRoute`,
 * `routeByDomainPeers`, the `isUserFound` routes) and the pasted-error entry (`routePastedError`)
 * decide on what happened in the session, not on the backend's facts, so no verdict maps to them;
 * `routeNoLookup` and `askStatus` follow a failed lookup, where the page has no user to diagnose.
 */
const factChecks = ['routeByUser', 'notFoundRoute', 'routeActiveDelivery', 'routeByDelivery', 'checkTypo', 'routeByTiming'];

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

interface Scenario {
  local: string;
  domain?: string;
  /** `null`: nobody has the address. */
  user?: Partial<InvitedUser> | null;
  sentAgo?: number;
  events?: (email: string, sentAt: string) => DeliveryEvent[];
  links?: (email: string, sentAt: string) => LinkEvent[];
}

const iso = (ms: number) => new Date(ms).toISOString();

const scenarios: Scenario[] = [
  { local: 'ghost', user: null },
  { local: 'ghost', domain: 'gmial.com', user: null },
  { local: 'off', user: { status: 'deactivated', acceptedAt: iso(benchNow - 90 * day), setupCompleted: true, expiresAt: null } },
  { local: 'single.sign.on', user: { sso: true } },
  { local: 'halfway', user: { status: 'active', acceptedAt: iso(benchNow - day), setupCompleted: false, expiresAt: null } },
  { local: 'in', user: { status: 'active', acceptedAt: iso(benchNow - day), setupCompleted: true, expiresAt: null } },
  {
    local: 'in.bounced',
    user: { status: 'active', acceptedAt: iso(benchNow - 9 * day), setupCompleted: true, expiresAt: null },
    events: (email, at) => deliveryAttempt(email, at, 'unknown_mailbox'),
  },
  { local: 'late', sentAgo: 10 * day },
  { local: 'quota', events: (email, at) => [{ at, email, kind: 'not_sent', reason: 'provider_rate_limited', text: '429 daily sending quota exceeded' }] },
  { local: 'silent', events: () => [] },
  { local: 'nomx', domain: 'nomx.example', events: (email, at) => deliveryAttempt(email, at, 'no_mx') },
  { local: 'nobox', events: (email, at) => deliveryAttempt(email, at, 'unknown_mailbox') },
  { local: 'held', events: (email, at) => deliveryAttempt(email, at, 'suppressed') },
  { local: 'walled', domain: 'walled.example', events: (email, at) => deliveryAttempt(email, at, 'blocked') },
  { local: 'stuffed', events: (email, at) => deliveryAttempt(email, at, 'mailbox_full') },
  { local: 'grey', domain: 'grey.example', events: (email, at) => deliveryAttempt(email, at, 'deferred') },
  {
    local: 'dmarc',
    events: (email, at) => [
      ...deliveryAttempt(email, at, 'pending'),
      { at, email, kind: 'bounced', smtpCode: 550, enhancedCode: '5.7.26', text: '550 5.7.26 Unauthenticated email is not accepted due to the sending domain DMARC policy (SPF: fail, DKIM: none).' },
    ],
  },
  { local: 'riddle', events: (email, at) => [...deliveryAttempt(email, at, 'pending'), { at, email, kind: 'bounced', text: 'Something went sideways over here.' }] },
  { local: 'typo', domain: 'gmial.com' },
  { local: 'fresh', sentAgo: 2 * minute, events: (email, at) => deliveryAttempt(email, at, 'pending') },
  { local: 'waiting' },
  { local: 'scanned', links: (email, at) => [{ at, email, kind: 'refused', refusal: 'used', secondsAfterDelivery: 4, automated: true }] },
  { local: 'elsewhere', links: (email, at) => [{ at, email, kind: 'refused', refusal: 'wrong_account', secondsAfterDelivery: 900, automated: false }] },
];

function scenarioEmail(scenario: Scenario): string {
  return `${scenario.local}@${scenario.domain ?? 'example.com'}`;
}

function scenarioSeed(now: number, seedPolicy: Policy): MemorySeed {
  const users: InvitedUser[] = [];
  const events: DeliveryEvent[] = [];
  const linkEvents: LinkEvent[] = [];
  scenarios.forEach((scenario, index) => {
    if (scenario.user === null) return;
    const email = scenarioEmail(scenario);
    const sentAt = iso(now - (scenario.sentAgo ?? 2 * hour));
    users.push({
      id: `usr_${index}`,
      email,
      status: 'invited',
      invitedAt: sentAt,
      lastSentAt: sentAt,
      expiresAt: iso(Date.parse(sentAt) + seedPolicy.inviteExpiryMs),
      acceptedAt: null,
      setupCompleted: false,
      sso: false,
      team: 'a',
      ...scenario.user,
    });
    events.push(...(scenario.events ?? ((address, at) => deliveryAttempt(address, at, 'delivered')))(email, sentAt));
    linkEvents.push(...(scenario.links?.(email, sentAt) ?? []));
  });
  return {
    users,
    events,
    suppressed: [],
    mail: { noMxDomains: ['nomx.example'], unknownMailboxes: [], blockingDomains: ['walled.example'], deferringDomains: ['grey.example'] },
    defaultTeam: 'a',
    linkEvents,
  };
}

describe('diagnoseInvitation agrees with the wizard on facts made for every branch of its fact checks', () => {
  const backend = createMemoryBackend(scenarioSeed, benchClock, { latencyMs: 0 });
  const flows = flowsFor(backend);
  const unconfigured = createMemoryBackend(
    (now, seedPolicy) => ({ ...scenarioSeed(now, seedPolicy), sending: { configured: false } }),
    benchClock,
    { latencyMs: 0 },
  );
  const walked = new Set<string>();
  const agreements: Agreement[] = [];

  beforeAll(async () => {
    for (const scenario of scenarios) {
      const agreement = await agree(backend, flows, scenarioEmail(scenario));
      agreements.push(agreement);
      const steps = [...agreement.wizard.passed.map((step) => step.stepId), agreement.wizard.stop.stepId];
      steps.forEach((step, index) => {
        if (factChecks.includes(step) && steps[index + 1]) walked.add(`${step} → ${steps[index + 1]}`);
      });
    }
  });

  it('reaches the cause of the branch the wizard took, scenario by scenario', () => {
    expect(agreements).toHaveLength(scenarios.length);
    agreements.forEach(expectAgreement);
  });

  it('calls it not sent when no mail server is configured, as the wizard does', async () => {
    const agreement = await agree(unconfigured, flowsFor(unconfigured), 'waiting@example.com');
    expectAgreement(agreement);
    expect(agreement.steps).toEqual(['nothingLeft']);
  });

  it('walks every edge out of the fact checks that the flow’s edge-covering paths walk', () => {
    const flow = flowsFor(backend).notReceived.flow;
    const pathEdges = new Set(
      edgeCoveringPaths(flow)
        .flatMap((path) => path.edges)
        .filter((edge) => factChecks.includes(edge.from))
        .map((edge) => `${edge.from} → ${edge.to}`),
    );
    // Sanity: the paths do walk these checks' every edge (the flow's own coverage test holds this too).
    const flowCheckEdges = new Set(flowEdges(flow.steps).filter((edge) => factChecks.includes(edge.from)).map((edge) => `${edge.from} → ${edge.to}`));
    expect([...flowCheckEdges].filter((edge) => !pathEdges.has(edge))).toEqual([]);
    expect([...pathEdges].filter((edge) => !walked.has(edge)).sort()).toEqual([]);
  });
});
