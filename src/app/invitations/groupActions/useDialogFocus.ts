import { useEffect, useRef } from 'react';

/**
 * Moves focus to the dialog's heading whenever `view` changes to something shown (a new step of
 * the dialog is what is new), and back to where it was before the dialog opened when it closes.
 */
export function useDialogFocus(view: string | null) {
  const heading = useRef<HTMLHeadingElement>(null);
  const before = useRef<Element | null>(null);
  const open = view !== null;
  useEffect(() => {
    if (!open) return;
    before.current = document.activeElement;
    return () => {
      const target = before.current;
      if (target instanceof HTMLElement && target.isConnected) target.focus();
    };
  }, [open]);
  useEffect(() => {
    if (view !== null) heading.current?.focus();
  }, [view]);
  return heading;
}
