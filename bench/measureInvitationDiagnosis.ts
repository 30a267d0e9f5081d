import { createPolicy, type DeliveryEvent, type InvitedUser, type LinkEvent, type Policy } from '../src/engine/index.ts';
import { demoSeed } from '../src/adapters/index.ts';
import { checkAddress } from '../src/diagnostics/index.ts';
import { diagnoseInvitation, groupInvitations, type DiagnosedInvitation, type InvitationCause, type InvitationEvidenceFacts } from '../src/registry/index.ts';
import { median } from './stats.ts';

/** The invite-health page's budget: every invitation diagnosed and grouped within one frame-ish pause. */
export const invitationDiagnosisBudgetMs = 100;

export interface InvitationDiagnosisFigure {
  invitations: number;
  runs: number;
  /** Median of the runs: diagnose every row, then group them. */
  medianMs: number;
  /** Median of the diagnose part alone, and of the grouping alone. */
  diagnoseMedianMs: number;
  groupMedianMs: number;
  /** Slowest run (the first pays for the JIT warm-up). */
  maxMs: number;
  /**
   * Median CPU time of a run (user + system, this process): beside the wall time because a busy
   * machine stretches the wall time of a single-threaded loop by its load, not the work done.
   */
  cpuMedianMs: number;
  budgetMs: number;
  /** Rows per cause in the input, so a change to the input's mix shows in the figure. */
  causes: Partial<Record<InvitationCause, number>>;
}

/** One row of the input: a person and what the backend said about them. */
export interface InvitationInput {
  user: InvitedUser;
  domain: string;
  evidence: InvitationEvidenceFacts;
}

/**
 * A deterministic `count`-row input: the demo organisation's situations in turn (the invited,
 * the bounced, the blocked, the scanned …), each on a fresh address at one of a few hundred
 * generated domains; an address whose domain is a typo keeps it (the suggestion is part of the
 * work). Bounce texts name the new address, as real ones do, so no two rows share a text.
 */
export function buildInvitationInput(count: number, now: number, policy: Policy): InvitationInput[] {
  const seed = demoSeed(now, policy);
  const eventsOf = groupBy(seed.events.toSorted((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)));
  const linksOf = groupBy(seed.linkEvents ?? []);
  const rows: InvitationInput[] = [];
  for (let index = 0; index < count; index++) {
    const model = seed.users[index % seed.users.length] as InvitedUser;
    const [local = 'person', modelDomain = 'example.com'] = model.email.split('@');
    const domain = checkAddress(model.email).suggestion ? modelDomain : `org${index % 313}.example`;
    const email = `${local}.${index}@${domain}`;
    const rename = (text: string | undefined) => text?.replaceAll(model.email, email);
    rows.push({
      user: { ...model, id: `${model.id}_${index}`, email },
      domain,
      evidence: {
        deliveryEvents: (eventsOf.get(model.email) ?? []).map((event): DeliveryEvent => ({ ...event, email, ...(event.text ? { text: rename(event.text) as string } : {}) })),
        linkEvents: (linksOf.get(model.email) ?? []).map((event): LinkEvent => ({ ...event, email })),
      },
    });
  }
  return rows;
}

/** Diagnoses and groups `count` invitations `runs` times; the figure is the median run. */
export function measureInvitationDiagnosis(count: number, runs: number, now = Date.parse('2026-11-22T10:00:00.000Z')): InvitationDiagnosisFigure {
  const policy = createPolicy();
  const input = buildInvitationInput(count, now, policy);
  const totals: number[] = [];
  const diagnoses: number[] = [];
  const groupings: number[] = [];
  const cpu: number[] = [];
  let rows: DiagnosedInvitation[] = [];
  for (let run = 0; run < runs; run++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    rows = input.map(({ user, domain, evidence }) => ({ user, domain, verdict: diagnoseInvitation(user, evidence, policy, now) }));
    const diagnosed = performance.now();
    groupInvitations(rows);
    const end = performance.now();
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    totals.push(end - start);
    diagnoses.push(diagnosed - start);
    groupings.push(end - diagnosed);
  }
  const causes: Partial<Record<InvitationCause, number>> = {};
  for (const row of rows) causes[row.verdict.cause] = (causes[row.verdict.cause] ?? 0) + 1;
  return {
    invitations: count,
    runs,
    medianMs: median(totals),
    diagnoseMedianMs: median(diagnoses),
    groupMedianMs: median(groupings),
    maxMs: Math.max(...totals),
    cpuMedianMs: median(cpu),
    budgetMs: invitationDiagnosisBudgetMs,
    causes,
  };
}

function groupBy<T extends { email: string }>(items: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(item.email, [...(map.get(item.email) ?? []), item]);
  return map;
}
