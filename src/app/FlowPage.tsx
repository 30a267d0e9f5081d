import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Actor } from 'xstate';
import { currentStep, toSessionRecord, type CompiledFlow, type FlowMachine } from '../engine/index.ts';
import { FlowRunner } from '../ui/FlowRunner.tsx';
import { formattingLocale } from '../ui/formattingLocale.ts';
import { untitledStepKey } from '../ui/stepName.ts';
import { stepTextParams } from '../ui/stepTextParams.ts';
import { stepTitleText } from '../ui/stepTitleText.ts';
import { useText } from '../ui/useText.ts';
import { AgentCalls } from './agent/AgentCalls.tsx';
import { recordSessionProgress } from './insights/recordSessionProgress.ts';
import { SessionFeedback } from './insights/SessionFeedback.tsx';
import { loadAppBackend, type AppBackend } from './appBackend.ts';
import { compileShippedFlow } from './compileShippedFlow.ts';
import { createSessionId } from './createSessionId.ts';
import { resumeOrStart, type SessionPlan } from './resumeOrStart.ts';
import { SessionNoticeBox } from './SessionNoticeBox.tsx';
import { sessionRecords } from './sessionRecords.ts';
import { useDocumentTitle } from './useDocumentTitle.ts';
import { pruneExpiredSessions, useSettingsStore, type RecentSession, type SessionOutcome } from './useSettingsStore.ts';

type Parent = { flowId: string; sessionId: string };
type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; reason: 'unknown-flow' | 'invalid-flow'; problems: string[] }
  | { status: 'ready'; flowId: string; compiled: CompiledFlow; app: AppBackend; plan: SessionPlan; parent: Parent | undefined };

/** `/flows/:flowId/steps/:stepId?session=<id>`: one session of one flow, resumable after a reload. */
export function FlowPage() {
  const params = useParams();
  const flowId = params.flowId ?? '';
  const stepId = /^steps\/([^/]+)$/.exec(params['*'] ?? '')?.[1] ?? null;
  const [search] = useSearchParams();
  const sessionParam = search.get('session');
  const location = useLocation();
  const navigate = useNavigate();
  const text = useText();
  const { i18n } = useTranslation();
  const language = i18n.language;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [ended, setEnded] = useState<SessionOutcome | null>(null);
  const [stepTitle, setStepTitle] = useState<string | null>(null);
  const agentMode = useSettingsStore((state) => state.agentMode);
  useDocumentTitle(stepTitle, text('app.name'));
  const opened = useRef<string | null>(null);

  const open = useEffectEvent(async (token: { cancelled: boolean }) => {
    const state = location.state as { email?: string; parent?: Parent } | null;
    const app = await loadAppBackend();
    const result = await compileShippedFlow(flowId, app);
    if (token.cancelled) return;
    if (!result.ok) {
      setLoaded({ status: 'failed', reason: result.error.kind, problems: result.error.kind === 'invalid-flow' ? result.error.problems : [] });
      return;
    }
    pruneExpiredSessions(Date.now());
    const { recentSessions, removeRecentSession } = useSettingsStore.getState();
    const recent = recentSessions.find((session) => session.id === sessionParam);
    const plan = resumeOrStart({
      flowId,
      flowHash: result.compiled.hash,
      sessionId: sessionParam,
      stepId,
      record: sessionParam ? sessionRecords.load(sessionParam) : null,
      email: state?.email ?? recent?.email ?? null,
      machine: result.compiled.machine,
      createId: createSessionId,
    });
    if (plan.drop) {
      sessionRecords.remove(plan.drop);
      removeRecentSession(plan.drop);
    }
    opened.current = `${flowId}?${plan.sessionId}`;
    setEnded(null);
    setLoaded({ status: 'ready', flowId, compiled: result.compiled, app, plan, parent: state?.parent ?? recent?.parent });
    if (plan.sessionId !== sessionParam) navigate(`/flows/${flowId}?session=${plan.sessionId}`, { replace: true, state: null });
  });
  useEffect(() => {
    if (opened.current === `${flowId}?${sessionParam}`) return;
    const token = { cancelled: false };
    void open(token);
    return () => {
      token.cancelled = true;
    };
  }, [flowId, sessionParam]);

  const ready = loaded.status === 'ready' ? loaded : null;
  const onChange = useCallback(
    (actor: Actor<FlowMachine>) => {
      if (!ready) return;
      const snapshot = actor.getSnapshot();
      const step = currentStep(ready.compiled.flow, snapshot);
      if (!step) return;
      const { sessionId } = ready.plan;
      const now = Date.now();
      // A full storage is reported (storageHealth shows a notice); the running session goes on.
      sessionRecords.save(sessionId, toSessionRecord(ready.flowId, ready.compiled.hash, actor.getPersistedSnapshot(), now), useSettingsStore.getState().sessionRetentionDays);
      const session: RecentSession = {
        id: sessionId,
        flowId: ready.flowId,
        email: snapshot.context.email,
        startedAt: snapshot.context.startedAt,
        updatedAt: now,
        lastStepId: step.id,
        lastStepTitle: step.step.title ?? untitledStepKey,
        outcome: outcomeOf(snapshot),
        parent: ready.parent,
      };
      const settings = useSettingsStore.getState();
      // What sessions teach: a started/step/ended event for what changed since the saved line (none on a reload's resume).
      recordSessionProgress(settings.recentSessions.find((recent) => recent.id === sessionId), session, settings.agentMode ? 'agent' : 'admin');
      settings.saveRecentSession(session);
      setEnded(session.outcome);
      // The tab says what the h1 says: on a side effect's confirmation its question, not the "…ing" title.
      const params = stepTextParams(snapshot.context, ready.app.policy, formattingLocale(language, navigator.languages));
      setStepTitle(stepTitleText(step, snapshot.context, params, text, (key) => i18n.exists(key, { ns: 'diagnostics' })));
      const path = `/flows/${ready.flowId}/steps/${step.id}?session=${sessionId}`;
      if (`${window.location.pathname}${window.location.search}` !== path) navigate(path, { replace: true });
    },
    [ready, navigate, text, i18n, language],
  );
  const onJump = useCallback(
    (target: string, email: string | null) => {
      if (ready) navigate(`/flows/${target}`, { state: { email, parent: { flowId: ready.flowId, sessionId: ready.plan.sessionId } } });
    },
    [ready, navigate],
  );

  if (loaded.status === 'loading') return <p className="id-muted">{text('app.common.loading')}</p>;
  if (loaded.status === 'failed') {
    return (
      <div className="id-step">
        <h1 className="id-heading">{text(loaded.reason === 'unknown-flow' ? 'app.flowPage.unknown' : 'app.flowPage.invalid', { flowId })}</h1>
        {loaded.problems.length > 0 && <pre className="id-raw">{loaded.problems.join('\n')}</pre>}
        <Link to="/" className="id-button">{text('app.flowPage.toStart')}</Link>
      </div>
    );
  }
  const { compiled, plan, app, parent } = loaded;
  return (
    <>
      <FlowRunner
        key={`${compiled.flow.id}@${compiled.hash}:${plan.sessionId}`}
        compiled={compiled}
        policy={app.policy}
        input={plan.input}
        snapshot={plan.snapshot ?? undefined}
        onChange={onChange}
        onJump={onJump}
        notice={<SessionNoticeBox notice={plan.notice} parent={parent} />}
        agent={agentMode ? { calls: <AgentCalls currentSessionId={plan.sessionId} /> } : undefined}
      />
      {ended && ended !== 'handed-over' && <SessionFeedback key={plan.sessionId} sessionId={plan.sessionId} flowId={compiled.flow.id} mode={agentMode ? 'agent' : 'admin'} />}
      {ended && (
        <p className="id-after">
          <Link to="/">{text('app.flowPage.newCheck')}</Link>
        </p>
      )}
    </>
  );
}

function outcomeOf(snapshot: { hasTag(tag: string): boolean }): SessionOutcome | null {
  if (snapshot.hasTag('jump')) return 'handed-over';
  for (const result of ['resolved', 'escalated', 'not-resolved', 'waiting'] as const) if (snapshot.hasTag(`outcome:${result}`)) return result;
  return null;
}
