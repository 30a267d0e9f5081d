import { lazy, Suspense, useCallback, useEffect, useEffectEvent, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSelector } from '@xstate/react';
import type { Actor } from 'xstate';
import { currentStep, type CompiledFlow, type FactName, type FlowMachine, type Policy, type SessionInput } from '../engine/index.ts';
import type { AgentCallSlots } from './agent/AgentCallView.tsx';
import { FlowSessionContext, type FlowSession } from './FlowSessionContext.ts';
import { useFormattingLocale } from './useFormattingLocale.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { stepTextParams } from './stepTextParams.ts';
import { stepTitleText } from './stepTitleText.ts';
import { StepView } from './StepView.tsx';
import { useSessionActor } from './useSessionActor.ts';
import { useText } from './useText.ts';
import './runner.css';

const FlowMap = lazy(() => import('./FlowMap.tsx').then((module) => ({ default: module.FlowMap })));
const AgentCallView = lazy(() => import('./agent/AgentCallView.tsx').then((module) => ({ default: module.AgentCallView })));

/** What agent mode's facts strip shows of the person, so the step's own card would repeat it. */
const agentStripFacts: readonly FactName[] = ['user'];

export interface FlowRunnerProps {
  compiled: CompiledFlow;
  policy: Policy;
  /** For a new session: the address it is about. */
  input?: SessionInput;
  /** For a resumed session: the restored snapshot (from `restoreSessionRecord`). */
  snapshot?: unknown;
  /** After the session starts and after every transition (save it, sync the URL). */
  onChange?(actor: Actor<FlowMachine>): void;
  onJump?(flowId: string, email: string | null): void;
  /** Shown above the step, e.g. why a saved session could not be resumed. */
  notice?: ReactNode;
  /** Agent mode: the call layout (say/check, facts, timers, timeline, keys), with the app's pieces beside it. */
  agent?: AgentCallSlots;
}

/**
 * Runs one session of a compiled flow. Key it by `flowId@hash` (and session): the actor is
 * created once per mount. Step views read the actor through selectors and only send events.
 */
export function FlowRunner({ compiled, policy, input, snapshot, onChange, onJump, notice, agent }: FlowRunnerProps) {
  // Suspends until every namespace a step may need has loaded.
  useTranslation(['app', 'flows', 'diagnostics']);
  const locale = useFormattingLocale();
  const actor = useSessionActor(compiled.machine, input ?? {}, snapshot);
  const [mapOpen, setMapOpen] = useState(false);
  const text = useText();

  const notifyChange = useEffectEvent(() => onChange?.(actor));
  useEffect(() => {
    notifyChange();
    const subscription = actor.subscribe(() => notifyChange());
    return () => subscription.unsubscribe();
  }, [actor]);

  const current = useSelector(actor, (state) => currentStep(compiled.flow, state), sameStep);
  const visits = useSelector(actor, (state) => state.context.transcript.filter((entry) => entry.type !== 'note').length);
  const canGoBack = useSelector(actor, (state) => state.can({ type: 'step.back' }));
  const phase = current?.failed ? 'failed' : current?.running ? 'running' : current?.confirming ? 'confirming' : 'idle';
  const stepKey = current ? `${current.id}:${phase}:${current.step.kind === 'action' ? '' : visits}` : 'none';

  // The polite live region says each new step's title (its heading also takes focus); a step may
  // say more through `announce` (a wait's time left), which holds until the next step.
  const context = useSelector(actor, (state) => state.context);
  const [said, setSaid] = useState<{ stepKey: string; message: string } | null>(null);
  const announce = useCallback((message: string) => setSaid({ stepKey, message }), [stepKey]);
  const session = useMemo<FlowSession>(
    () => ({ actor, flow: compiled.flow, policy, description: compiled.description, announce, factsShownBeside: agent ? agentStripFacts : [], ...(onJump ? { onJump } : {}) }),
    [actor, compiled.flow, compiled.description, policy, announce, onJump, agent],
  );
  const { i18n } = useTranslation();
  const params = stepTextParams(context, policy, locale, undefined, compiled.description);
  // A side effect's confirmation is read out by its own question, not by the call's "…ing" title.
  const title = current ? stepTitleText(current, context, params, text, (key) => i18n.exists(key, { ns: 'diagnostics' })) : '';
  const stepView = current ? <StepView key={stepKey} current={current} /> : <p>{text('app.errors.unknown.title')}</p>;
  const announcement =
    said?.stepKey === stepKey ? said.message : current?.failed ? text('app.announce.failed', { title }) : current?.running ? `${title}…` : title;

  return (
    <FlowSessionContext.Provider value={session}>
      <div className="id-runner">
        {agent ? (
          <Suspense fallback={<p className="id-muted">{text('app.common.loading')}</p>}>
            <AgentCallView current={current} hash={compiled.hash} notice={notice} {...agent}>
              {stepView}
            </AgentCallView>
          </Suspense>
        ) : (
          <>
            {notice}
            <div className="id-runner-bar">
              <button type="button" className="id-back" disabled={!canGoBack} onClick={() => actor.send({ type: 'step.back' })}>
                {text('app.nav.back')}
              </button>
              <div className="id-runner-tools">
                <button type="button" className="id-link-button" onClick={() => actor.send({ type: 'flow.restart' })}>
                  {text('app.nav.restart')}
                </button>
                <button type="button" className="id-link-button" aria-expanded={mapOpen} aria-controls="id-flow-map" onClick={() => setMapOpen(!mapOpen)}>
                  {text(mapOpen ? 'app.map.hide' : 'app.map.show')}
                </button>
              </div>
            </div>
            <ProgressBar />
            {stepView}
            <div id="id-flow-map">
              {mapOpen && (
                <Suspense fallback={<p className="id-muted">{text('app.common.loading')}</p>}>
                  <FlowMap />
                </Suspense>
              )}
            </div>
          </>
        )}
        <div className="id-visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-region">
          {announcement}
        </div>
      </div>
    </FlowSessionContext.Provider>
  );
}

function sameStep(a: ReturnType<typeof currentStep>, b: ReturnType<typeof currentStep>): boolean {
  return a?.id === b?.id && a?.confirming === b?.confirming && a?.running === b?.running && a?.failed === b?.failed && a?.step === b?.step;
}
