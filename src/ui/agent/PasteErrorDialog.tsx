import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { DeliveryFinding } from '../../engine/index.ts';
import { useFlowSession } from '../useFlowSession.ts';
import { useText } from '../useText.ts';
import { AgentDialog } from './AgentDialog.tsx';
import { createDeliveryFinding } from './createDeliveryFinding.ts';
import { FindingExplanation } from './FindingExplanation.tsx';

interface PasteErrorDialogProps {
  onClose(): void;
  /** The finding was sent to the flow (`flow.enter deliveryError`); the dialog is done. */
  onRouted(finding: DeliveryFinding): void;
}

/**
 * The delivery error the console shows, pasted as text: classified on submit and sent to the
 * flow's `deliveryError` entry, which branches on it. Unknown text is routed too (to the
 * unknown-error branch) with the raw text kept. A flow without that entry says so.
 */
export function PasteErrorDialog({ onClose, onRouted }: PasteErrorDialogProps) {
  const { actor, flow } = useFlowSession();
  const text = useText();
  const [value, setValue] = useState('');
  const [empty, setEmpty] = useState(false);
  const [unroutable, setUnroutable] = useState<DeliveryFinding | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) {
      setEmpty(true);
      return;
    }
    const finding = createDeliveryFinding(value, Date.now());
    if (!flow.entries.deliveryError) {
      setUnroutable(finding);
      return;
    }
    actor.send({ type: 'flow.enter', entry: 'deliveryError', finding });
    onRouted(finding);
  };
  // Enter makes new lines in a pasted error; Ctrl+Enter (or Cmd+Enter) submits.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  };

  return (
    <AgentDialog title={text('agent.paste.title')} onClose={onClose}>
      <form className="id-agent-form" onSubmit={submit} noValidate>
        <div className={`id-field id-agent-field--wide${empty ? ' id-field--error' : ''}`}>
          <label htmlFor="id-agent-paste" className="id-label">
            {text('agent.paste.label')}
          </label>
          <p id="id-agent-paste-hint" className="id-hint">
            {text('agent.paste.hint')}
          </p>
          {empty && (
            <p id="id-agent-paste-error" className="id-error-message" role="alert">
              <span className="id-visually-hidden">{text('app.common.errorPrefix')}</span> {text('agent.paste.empty')}
            </p>
          )}
          <textarea
            id="id-agent-paste"
            className="id-input id-agent-textarea"
            rows={5}
            spellCheck={false}
            value={value}
            data-autofocus
            aria-invalid={empty ? true : undefined}
            aria-describedby={empty ? 'id-agent-paste-hint id-agent-paste-error' : 'id-agent-paste-hint'}
            onChange={(event) => {
              setValue(event.target.value);
              setEmpty(false);
              setUnroutable(null);
            }}
            onKeyDown={onKeyDown}
          />
        </div>
        {unroutable && (
          <div className="id-agent-unroutable" role="alert">
            <p>
              <strong>{text('agent.paste.noEntry')}</strong>
            </p>
            <FindingExplanation finding={unroutable} />
          </div>
        )}
        <button type="submit" className="id-button">
          {text('agent.paste.submit')}
        </button>
      </form>
    </AgentDialog>
  );
}
