import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useWidgetText } from './useWidgetText.ts';
import type { FocusGuard } from './createFocusGuard.ts';
import { keepFocusInside } from './keepFocusInside.ts';
import { WidgetHeader } from './WidgetHeader.tsx';

export interface ButtonLauncherProps {
  open: boolean;
  onOpen(): void;
  onClose(): void;
  focusGuard: FocusGuard;
  demo: boolean;
  children: ReactNode;
}

/**
 * A floating button that opens the wizard in a modal dialog: focus moves into it and stays there
 * (Tab wraps), Esc, the close button or a click outside close it, and focus returns to the button.
 */
export function ButtonLauncher({ open, onOpen, onClose, focusGuard, demo, children }: ButtonLauncherProps) {
  const text = useWidgetText();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const focusWasInside = useRef(false);

  useEffect(() => {
    const dialog = panel.current;
    if (!dialog) return;
    if (open) {
      focusGuard.engage();
      const heading = dialog.querySelector<HTMLElement>('.id-heading');
      (heading ?? dialog).focus();
    } else if (focusWasInside.current) {
      focusWasInside.current = false;
      button.current?.focus();
    }
  }, [open, focusGuard]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    const root = panel.current?.getRootNode() as ShadowRoot | Document | undefined;
    if (panel.current) keepFocusInside(event.nativeEvent, panel.current, root?.activeElement ?? null);
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="idw-launcher"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls="idw-panel"
        onClick={() => (open ? onClose() : onOpen())}
      >
        <span className="idw-mark" aria-hidden="true" />
        {text('widget.launcher')}
      </button>
      <div className="idw-backdrop" hidden={!open} onClick={onClose} />
      <div
        ref={panel}
        id="idw-panel"
        className="idw-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby="idw-title"
        tabIndex={-1}
        hidden={!open}
        onKeyDown={onKeyDown}
        onFocus={() => {
          focusWasInside.current = true;
        }}
        onBlur={(event) => {
          if (event.relatedTarget && !panel.current?.contains(event.relatedTarget)) focusWasInside.current = false;
        }}
      >
        <WidgetHeader demo={demo}>
          <button type="button" className="idw-close" aria-label={text('widget.close')} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </WidgetHeader>
        <div className="idw-body">{children}</div>
      </div>
    </>
  );
}
