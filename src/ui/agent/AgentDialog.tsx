import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useText } from '../useText.ts';

interface AgentDialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** `wide` for previews (the escalation packet). */
  size?: 'normal' | 'wide';
}

const focusable = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog of the call view: focus moves in (to `[data-autofocus]`, else the first
 * control), Tab stays inside, Esc closes, and focus returns to where it was, or to the current
 * step's heading when that element is gone (the step changed meanwhile). The call view makes
 * everything behind it inert while it is open.
 */
export function AgentDialog({ title, onClose, children, size = 'normal' }: AgentDialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const text = useText();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = dialog?.closest('.id-agent');
    (dialog?.querySelector<HTMLElement>('[data-autofocus]') ?? dialog?.querySelector<HTMLElement>(focusable) ?? dialog)?.focus();
    return () => {
      const target = opener?.isConnected && opener !== document.body ? opener : root?.querySelector<HTMLElement>('h1');
      target?.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(focusable)].filter((item) => !item.closest('[hidden]'));
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      className="id-agent-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={`id-agent-dialog id-agent-dialog--${size}`}
        onKeyDown={onKeyDown}
      >
        <div className="id-agent-dialog-head">
          <h2 id={titleId} className="id-agent-dialog-title">
            {title}
          </h2>
          <button type="button" className="id-link-button" onClick={onClose}>
            {text('agent.dialog.close')} <kbd className="id-kbd" aria-hidden="true">Esc</kbd>
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
