import { useText } from '../useText.ts';

/** The question a first R (or Start again) asks; a second R or Yes restarts, Esc or Cancel keeps the call. */
export function RestartConfirm({ onConfirm, onCancel }: { onConfirm(): void; onCancel(): void }) {
  const text = useText();
  return (
    <div className="id-agent-confirm">
      <p role="alert">{text('agent.restart.question')}</p>
      <div className="id-actions">
        <button type="button" className="id-button id-button--warning" onClick={onConfirm}>
          {text('agent.restart.confirm')} <kbd className="id-kbd" aria-hidden="true">R</kbd>
        </button>
        <button type="button" className="id-button id-button--secondary" onClick={onCancel}>
          {text('agent.restart.cancel')} <kbd className="id-kbd" aria-hidden="true">Esc</kbd>
        </button>
      </div>
    </div>
  );
}
