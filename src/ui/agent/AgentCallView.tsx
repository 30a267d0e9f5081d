import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentStep, DeliveryFinding } from '../../engine/index.ts';
import { useFlowSession } from '../useFlowSession.ts';
import { useSessionSelector } from '../useSessionSelector.ts';
import { useStepParams } from '../useStepParams.ts';
import { useText } from '../useText.ts';
import { AgentDialog } from './AgentDialog.tsx';
import type { AgentCommand, AgentKeyPress } from './agentKeymap.ts';
import { AgentToolbar } from './AgentToolbar.tsx';
import { CallClock } from './CallClock.tsx';
import { CallTimeline } from './CallTimeline.tsx';
import { CallTimers } from './CallTimers.tsx';
import { EscalationPacketPanel } from './EscalationPacketPanel.tsx';
import { FactsStrip } from './FactsStrip.tsx';
import { FindingExplanation } from './FindingExplanation.tsx';
import { NoteField } from './NoteField.tsx';
import { PasteErrorDialog } from './PasteErrorDialog.tsx';
import { CommandConfirm, type AskedCommand } from './CommandConfirm.tsx';
import { SayCard } from './SayCard.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { useAgentShortcuts } from './useAgentShortcuts.ts';
import './agent.css';

/** What the app puts beside a call (it owns routing and the stored sessions). */
export interface AgentCallSlots {
  /** Starting a new call and the list of recent calls; `C` focuses its first field. */
  calls?: ReactNode;
}

export interface AgentCallViewProps extends AgentCallSlots {
  current: CurrentStep | null;
  /** The compiled flow's hash, for the escalation packet. */
  hash: string;
  notice?: ReactNode;
  /** The current step's view (the runner keys it per step). */
  children: ReactNode;
}

/**
 * The primary control of a step, the one `Enter` presses: Continue, Skip the wait, the info
 * step's button, Try again on a failed call. The same selector draws the `↵` badge (agent.css).
 */
const primarySelector =
  '.id-step > .id-button:not(.id-button--secondary), .id-failed .id-actions > .id-button:not(.id-button--secondary), .id-confirm .id-actions > .id-button:not(.id-button--secondary)';

type Dialog = 'help' | 'paste' | 'packet' | null;

/**
 * Agent mode: the current step for a live call. What to say (a quote) and what to check (the
 * step itself) are apart, the backend's facts sit in a strip above, timers, the timeline, notes
 * and the calls beside. Keyboard first (see `agentKeymap`): keys press the same controls a mouse
 * would, so both always agree.
 */
export function AgentCallView({ current, hash, notice, calls, children }: AgentCallViewProps) {
  useTranslation(['agent']);
  const { actor, flow, announce } = useFlowSession();
  const text = useText();
  const params = useStepParams();
  const email = useSessionSelector((snapshot) => snapshot.context.email);
  const canGoBack = useSessionSelector((snapshot) => snapshot.can({ type: 'step.back' }));
  const [dialog, setDialog] = useState<Dialog>(null);
  // R and E ask first: the command waiting for its second press.
  const [asking, setAsking] = useState<AskedCommand | null>(null);
  const [pasted, setPasted] = useState<{ finding: DeliveryFinding; stepId: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const stepRef = useRef<HTMLDivElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const callsRef = useRef<HTMLDivElement>(null);
  const packetRef = useRef<HTMLDivElement>(null);
  const escalated = current?.step.kind === 'outcome' && current.step.result === 'escalated';
  const focusStep = () => stepRef.current?.querySelector<HTMLElement>('h1')?.focus();

  const run = (command: AgentCommand, index = 0): boolean => {
    if (asking && command !== asking) {
      setAsking(null);
      if (command === 'escape') return true;
    }
    setMessage(null);
    switch (command) {
      case 'option': {
        const radio = stepRef.current?.querySelectorAll<HTMLInputElement>('.id-radios input[type="radio"]')[index];
        if (!radio || radio.disabled) return false;
        radio.click();
        announce(text('agent.announce.selected', { option: radio.labels?.[0]?.textContent ?? '' }));
        return true;
      }
      case 'primary': {
        const button = stepRef.current?.querySelector<HTMLButtonElement>(primarySelector);
        if (!button || button.disabled) return false;
        button.click();
        return true;
      }
      case 'back':
        if (!actor.getSnapshot().can({ type: 'step.back' })) return false;
        actor.send({ type: 'step.back' });
        return true;
      case 'restart':
        if (asking === 'restart') {
          setAsking(null);
          setPasted(null);
          actor.send({ type: 'flow.restart' });
        } else setAsking('restart');
        return true;
      case 'note':
        noteRef.current?.focus();
        return true;
      case 'escalate':
        if (!flow.entries.escalate) setMessage(text('agent.escalate.unavailable'));
        else if (escalated) packetRef.current?.querySelector<HTMLElement>('button')?.focus();
        else if (asking === 'escalate') {
          setAsking(null);
          actor.send({ type: 'flow.enter', entry: 'escalate' });
        } else setAsking('escalate');
        return true;
      case 'packet':
        if (escalated) packetRef.current?.querySelector<HTMLElement>('button')?.focus();
        else setDialog('packet');
        return true;
      case 'paste':
      case 'help':
        setDialog(command);
        return true;
      case 'newCall': {
        const field = callsRef.current?.querySelector<HTMLElement>('input');
        field?.focus();
        return Boolean(field);
      }
      case 'escape':
        if (!(document.activeElement instanceof HTMLElement) || document.activeElement.tagName === 'H1') return false;
        focusStep();
        return true;
    }
  };
  useAgentShortcuts((press: AgentKeyPress) => run(press.command, press.index), dialog === null);

  const closeDialog = () => setDialog(null);
  const step = current?.step;
  const showPasted = pasted !== null && pasted.stepId === current?.id;

  return (
    <div className="id-agent">
      <div className="id-agent-body" inert={dialog !== null}>
        <div className="id-agent-bar">
          <div className="id-agent-call">
            <p className="id-agent-who">
              <span className="id-muted">{text('agent.call.with')}</span> <strong>{email ?? '—'}</strong>
              <span className="id-muted"> · {text(flow.title)}</span>
            </p>
            <CallClock />
          </div>
          <AgentToolbar canGoBack={canGoBack} canEscalate={!escalated} onCommand={(command) => run(command)} />
        </div>
        {asking && <CommandConfirm command={asking} onConfirm={() => run(asking)} onCancel={() => setAsking(null)} />}
        {message && (
          <p className="id-notice" role="status">
            {message}
          </p>
        )}
        {notice}
        <FactsStrip />
        <div className="id-agent-grid">
          <div className="id-agent-main">
            {showPasted && (
              <section className="id-agent-pasted" role="status" aria-labelledby="id-agent-pasted-title">
                <p id="id-agent-pasted-title" className="id-agent-label">
                  {text('agent.paste.routed')}
                </p>
                <FindingExplanation finding={pasted.finding} />
              </section>
            )}
            <SayCard step={step} />
            {escalated && (
              <div ref={packetRef}>
                <EscalationPacketPanel hash={hash} />
              </div>
            )}
            <section className="id-agent-do" aria-labelledby="id-agent-do-label">
              <p id="id-agent-do-label" className="id-agent-label">
                {text('agent.check.label')}
              </p>
              {step?.check && <p className="id-agent-check-text">{text(step.check, params)}</p>}
              <div ref={stepRef} className="id-agent-step">
                {children}
              </div>
            </section>
          </div>
          <div className="id-agent-side">
            <CallTimers />
            <CallTimeline />
            <NoteField inputRef={noteRef} />
            {calls && (
              <div ref={callsRef} className="id-agent-calls">
                {calls}
              </div>
            )}
          </div>
        </div>
      </div>
      {dialog === 'help' && <ShortcutsDialog onClose={closeDialog} />}
      {dialog === 'paste' && (
        <PasteErrorDialog
          onClose={closeDialog}
          onRouted={(finding) => {
            setDialog(null);
            setPasted({ finding, stepId: actor.getSnapshot().context.stepId });
          }}
        />
      )}
      {dialog === 'packet' && (
        <AgentDialog title={text('agent.packet.title')} size="wide" onClose={closeDialog}>
          <EscalationPacketPanel hash={hash} inDialog />
        </AgentDialog>
      )}
    </div>
  );
}
