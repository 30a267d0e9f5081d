import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  compileFlow,
  createPolicy,
  formatFlowProblem,
  maskSecrets,
  maskSecretsDeep,
  parseFlow,
  runAutomaticDiagnosis,
  systemClock,
  type AutomaticDiagnosis,
  type BackendDescription,
  type BackendError,
  type Clock,
  type DiagnosisStop,
  type InvitationBackend,
  type Policy,
  type ResolvedFlow,
  type SessionContext,
} from '../../src/engine/index.ts';
import { createInvitationRegistry } from '../../src/registry/index.ts';
import { stepTextParams } from '../../src/ui/stepTextParams.ts';
import { createDoctorText, type DoctorText } from './createDoctorText.ts';
import { doctorUsage, parseDoctorArgs } from './parseDoctorArgs.ts';
import { repoRoot } from './loadProjectFiles.ts';

/** The backend the server would build from the environment (`server/identity/openConfiguredBackend.ts`). */
export interface OpenedBackend {
  backend: InvitationBackend;
  close(): Promise<void>;
}

export interface DoctorDeps {
  env: NodeJS.ProcessEnv;
  /** Builds the configured backend; throws (a typed error with a safe message) when it cannot. */
  openBackend(env: NodeJS.ProcessEnv): Promise<OpenedBackend>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** @default systemClock */
  clock?: Clock;
  /** @default createPolicy() */
  policy?: Policy;
  /** How long one backend call may take. @default 30000 */
  callTimeoutMs?: number;
}

/** One address's diagnosis as printed: the runner's result with the stop's English text and a one-line summary. */
export interface DoctorReport extends Omit<AutomaticDiagnosis, 'stop' | 'delivery'> {
  delivery: (NonNullable<AutomaticDiagnosis['delivery']> & { advice: string }) | null;
  stop: DiagnosisStop & { text: string };
  /** What the wizard does next, in one line: "asks: …", "would offer: resendInvite (…)", "concludes: …". */
  next: string;
}

/**
 * `npm run doctor`: parses `argv`, opens the configured backend, runs the automatic diagnosis
 * for each address and prints it (text, or JSON with `--json`). Returns the exit code: 0 every
 * address diagnosed, 1 the backend could not be reached, 2 bad arguments. Everything printed goes
 * through `maskSecrets`; the doctor never confirms a side effect.
 */
export async function runDoctor(argv: readonly string[], deps: DoctorDeps): Promise<number> {
  const args = parseDoctorArgs(argv);
  if (args.kind === 'help') {
    deps.stdout(doctorUsage);
    return 0;
  }
  if (args.kind === 'bad') {
    deps.stderr(`${args.message}\n\n${doctorUsage}`);
    return 2;
  }
  const flowFile = path.join(repoRoot, 'flows', `${args.flowId}.json`);
  if (!existsSync(flowFile)) {
    deps.stderr(`There is no flow "${args.flowId}" in flows/.\n`);
    return 2;
  }
  const parsed = parseFlow(readFileSync(flowFile, 'utf8'), `flows/${args.flowId}.json`);
  if (!parsed.ok) {
    deps.stderr(`${parsed.problems.map(formatFlowProblem).join('\n')}\n`);
    return 2;
  }

  let opened: OpenedBackend;
  try {
    opened = await deps.openBackend(deps.env);
  } catch (error) {
    deps.stderr(`The backend could not be opened: ${maskSecrets(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
  try {
    const clock = deps.clock ?? systemClock;
    const policy = deps.policy ?? createPolicy();
    const compiled = compileFlow(parsed.flow, { registry: createInvitationRegistry(), backend: opened.backend, policy, clock });
    if (!compiled.ok) {
      deps.stderr(`${compiled.problems.map(formatFlowProblem).join('\n')}\n`);
      return 2;
    }
    const text = createDoctorText();
    const reports: DoctorReport[] = [];
    for (const email of args.addresses) {
      let context: SessionContext | null = null;
      const diagnosis = await runAutomaticDiagnosis(compiled.compiled, email, { callTimeoutMs: deps.callTimeoutMs, onStop: (settled) => (context = settled) });
      reports.push(reportOf(diagnosis, context, compiled.compiled.flow.steps, policy, clock(), text));
    }
    const description = opened.backend.describe?.() ?? null;
    deps.stdout(args.json ? `${JSON.stringify(maskSecretsDeep({ flow: args.flowId, backend: description, results: reports }), null, 2)}\n` : maskSecrets(formatReports(reports, description)));
    const unreachable = reports.map((report) => unreachableError(report.stop)).find((error) => error !== null);
    if (unreachable) {
      deps.stderr(`The backend could not be reached: ${maskSecrets(unreachable)}\n`);
      return 1;
    }
    return 0;
  } finally {
    await opened.close();
  }
}

function reportOf(diagnosis: AutomaticDiagnosis, context: SessionContext | null, steps: ResolvedFlow['steps'], policy: Policy, now: number, text: DoctorText): DoctorReport {
  const params: Record<string, unknown> = context ? { ...stepTextParams(context, policy, 'en', now) } : { email: diagnosis.email };
  const stop = diagnosis.stop;
  const step = steps[stop.stepId];
  let stopText = step?.title ? text(step.title, params) : stop.stepId;
  if (stop.kind === 'confirm') {
    const own = `diagnostics.confirm.${stop.action}`;
    const key = text.exists(`${own}.title`) ? own : 'diagnostics.confirm.generic';
    stopText = text(`${key}.title`, { ...params, address: context?.correctedEmail ?? context?.email ?? diagnosis.email });
  }
  const delivery = diagnosis.delivery ? { ...diagnosis.delivery, advice: text(diagnosis.delivery.adviceKey, params) } : null;
  return { ...diagnosis, delivery, stop: { ...stop, text: stopText }, next: nextLine(stop, stopText) };
}

function nextLine(stop: DiagnosisStop, text: string): string {
  switch (stop.kind) {
    case 'question':
    case 'input':
      return `asks: ${text}`;
    case 'info':
      return `shows: ${text}`;
    case 'wait':
      return `waits${stop.until ? ` until ${stop.until}` : ''}: ${text}`;
    case 'confirm':
      return `would offer: ${stop.action} (${text})`;
    case 'outcome':
      return `concludes: ${stop.result} (${text})`;
    case 'jump':
      return `hands over to the flow ${stop.flow}`;
    case 'failed':
      return `${stop.action} failed: ${describeError(stop.error)}`;
    case 'timeout':
      return `${stop.action} did not answer in time`;
  }
}

function describeError(error: BackendError): string {
  const cause = error.kind === 'unavailable' ? ` (${error.cause}${error.status ? ` ${error.status}` : ''})` : '';
  return `${error.kind}${cause}${error.message ? `: ${error.message}` : ''}`;
}

/** A stop that says the backend itself was out of reach, not something about the address. */
function unreachableError(stop: DiagnosisStop): string | null {
  if (stop.kind === 'timeout') return `${stop.action} did not answer in time`;
  if (stop.kind === 'failed' && stop.error.kind === 'unavailable') return `${stop.action}: ${describeError(stop.error)}`;
  return null;
}

function formatReports(reports: readonly DoctorReport[], description: BackendDescription | null): string {
  const lines: string[] = [];
  if (description) lines.push(`Backend: ${description.identityName} (${description.identity}); delivery evidence: ${description.deliveryEvidence.join(', ') || 'none'}`, '');
  for (const report of reports) {
    lines.push(report.email);
    if (report.lookup === 'found' && report.user) {
      const user = report.user;
      lines.push(`  user        ${user.status}, team ${user.team}, SSO ${user.sso ? 'yes' : 'no'}`);
      lines.push(`              invited ${user.invitedAt ?? '—'}, last sent ${user.lastSentAt ?? '—'}, expires ${user.expiresAt ?? '—'}`);
    } else lines.push(`  user        ${report.lookup === 'not-found' ? 'no such user' : 'not looked up'}`);
    if (report.delivery) {
      const { category, code, at, raw, advice } = report.delivery;
      lines.push(`  delivery    ${category}${code ? ` (${code})` : ''} at ${at}`);
      if (raw) lines.push(`              "${raw}"`);
      lines.push(`              ${advice}`);
    } else lines.push(`  delivery    ${report.deliveryRead ? 'no problem in the latest attempt' : 'not read'}`);
    const failedCalls = report.calls.filter((call) => call.error !== null);
    for (const call of failedCalls) lines.push(`  call        ${call.action} failed: ${describeError(call.error as BackendError)}`);
    lines.push(`  passed      ${report.passed.map((step) => step.stepId).join(' → ') || '—'}`);
    lines.push(`  stops at    ${report.stop.stepId} (${report.stop.kind})`);
    lines.push(`  next        ${report.next}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
