import { useText } from '../useText.ts';

/** Commands that ask before they act: a first press asks, a second press of the same key (or Yes) acts. */
export type AskedCommand = 'restart' | 'escalate';

const keyOf: Record<AskedCommand, string> = { restart: 'R', escalate: 'E' };

/**
 * The question a first R (Start again) or E (Escalate) asks; a second press of the same key or Yes
 * goes ahead, Esc or Cancel keeps the call where it is.
 */
export function CommandConfirm({ command, onConfirm, onCancel }: { command: AskedCommand; onConfirm(): void; onCancel(): void }) {
  const text = useText();
  return (
    <div className="id-agent-confirm">
      <p role="alert">{text(`agent.${command}.question`)}</p>
      <div className="id-actions">
        <button type="button" className="id-button id-button--warning" onClick={onConfirm}>
          {text(`agent.${command}.confirm`)} <kbd className="id-kbd" aria-hidden="true">{keyOf[command]}</kbd>
        </button>
        <button type="button" className="id-button id-button--secondary" onClick={onCancel}>
          {text(`agent.${command}.cancel`)} <kbd className="id-kbd" aria-hidden="true">Esc</kbd>
        </button>
      </div>
    </div>
  );
}
