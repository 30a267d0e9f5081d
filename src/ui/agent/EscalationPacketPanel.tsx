import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createEscalationPacket, currentStep, type PacketNames } from '../../engine/index.ts';
import { useFlowSession } from '../useFlowSession.ts';
import { useNow } from '../useNow.ts';
import { useSessionSelector } from '../useSessionSelector.ts';
import { useStepParams } from '../useStepParams.ts';
import { answerName, stepName } from '../stepName.ts';
import { useText } from '../useText.ts';
import { downloadText } from './downloadText.ts';

type Format = 'markdown' | 'json';
type CopyResult = { format: Format; ok: boolean } | null;

interface EscalationPacketPanelProps {
  /** The compiled flow's hash, which the packet names. */
  hash: string;
  /** Inside a dialog the dialog has the title; inline the panel has its own. */
  inDialog?: boolean;
}

/**
 * The escalation packet (engine: links and tokens masked everywhere, notes included) as Markdown
 * and JSON: preview, copy, download, and an option to redact the address. A refused clipboard
 * says so and selects the preview, so Ctrl+C still works.
 */
export function EscalationPacketPanel({ hash, inDialog = false }: EscalationPacketPanelProps) {
  const { flow } = useFlowSession();
  const context = useSessionSelector((snapshot) => snapshot.context);
  const outcome = useSessionSelector((snapshot) => {
    const step = currentStep(flow, snapshot)?.step;
    return step?.kind === 'outcome' ? step.result : null;
  });
  const [redact, setRedact] = useState(false);
  const [copied, setCopied] = useState<CopyResult>(null);
  const now = useNow(30_000);
  const text = useText();
  const titleId = useId();
  const markdownPreview = useRef<HTMLPreElement>(null);
  const jsonPreview = useRef<HTMLPreElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const params = useStepParams();
  const packet = useMemo(() => {
    const names: PacketNames = {
      step: (stepId) => stepName(flow, stepId, text, params),
      answer: (stepId, optionId) => answerName(flow, stepId, optionId, text, params),
    };
    const { json, markdown } = createEscalationPacket(context, { flow, hash, outcome, now, redactAddress: redact, names });
    return { markdown, json: `${JSON.stringify(json, null, 2)}\n` };
  }, [context, flow, hash, outcome, now, redact, text, params]);
  const fileName = `invite-doctor-${flow.id}-${new Date(context.startedAt).toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;

  const copy = async (format: Format) => {
    clearTimeout(timer.current);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(packet[format]);
      setCopied({ format, ok: true });
      timer.current = setTimeout(() => setCopied(null), 6_000);
    } catch {
      setCopied({ format, ok: false });
      selectContents((format === 'markdown' ? markdownPreview : jsonPreview).current);
    }
  };

  return (
    <section className={`id-agent-packet${inDialog ? '' : ' id-agent-card'}`} aria-labelledby={inDialog ? undefined : titleId} aria-label={inDialog ? text('agent.packet.title') : undefined}>
      {!inDialog && (
        <h2 id={titleId} className="id-agent-card-title">
          {text('agent.packet.title')}
        </h2>
      )}
      <p className="id-muted">{text('agent.packet.lead')}</p>
      <label className="id-agent-toggle">
        <input type="checkbox" checked={redact} onChange={(event) => setRedact(event.target.checked)} />
        {text('agent.packet.redact')}
      </label>
      <div className="id-actions">
        <button type="button" className="id-button" data-autofocus onClick={() => void copy('markdown')}>
          {text('agent.packet.copyMarkdown')}
        </button>
        <button type="button" className="id-button id-button--secondary" onClick={() => void copy('json')}>
          {text('agent.packet.copyJson')}
        </button>
        <button type="button" className="id-button id-button--secondary" onClick={() => downloadText(`${fileName}.md`, packet.markdown, 'text/markdown;charset=utf-8')}>
          {text('agent.packet.downloadMarkdown')}
        </button>
        <button type="button" className="id-button id-button--secondary" onClick={() => downloadText(`${fileName}.json`, packet.json, 'application/json;charset=utf-8')}>
          {text('agent.packet.downloadJson')}
        </button>
      </div>
      <p role="status" className={copied?.ok === false ? 'id-agent-copy-failed' : 'id-copy-status'}>
        {copied ? text(copied.ok ? `agent.packet.copied.${copied.format}` : 'agent.packet.copyFailed') : ''}
      </p>
      <h3 className="id-agent-subtitle">{text('agent.packet.markdown')}</h3>
      <pre ref={markdownPreview} className="id-raw id-agent-preview" tabIndex={0} aria-label={text('agent.packet.markdown')} data-testid="packet-markdown">
        {packet.markdown}
      </pre>
      <details className="id-agent-details">
        <summary>{text('agent.packet.json')}</summary>
        <pre ref={jsonPreview} className="id-raw id-agent-preview" tabIndex={0} aria-label={text('agent.packet.json')} data-testid="packet-json">
          {packet.json}
        </pre>
      </details>
    </section>
  );
}

/** Selects an element's text, so a person can copy it by hand when the clipboard is refused. */
function selectContents(element: HTMLElement | null): void {
  const selection = element ? window.getSelection() : null;
  if (!element || !selection) return;
  const details = element.closest('details');
  if (details) details.open = true;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}
