import { useCopyText } from './useCopyText.ts';
import { useText } from './useText.ts';

interface CopyButtonProps {
  /** What goes to the clipboard. Never logged or stored. */
  value: string;
  label: string;
}

/**
 * A secondary button that copies `value`, and beside it a status that says it was copied, or
 * that the browser refused. A fragment, so it sits in the caller's `.id-actions` row.
 */
export function CopyButton({ value, label }: CopyButtonProps) {
  const [copyState, copy] = useCopyText();
  const text = useText();
  return (
    <>
      <button type="button" className="id-button id-button--secondary" onClick={() => void copy(value)}>
        {label}
      </button>
      <span role="status" className="id-copy-status">
        {copyState === 'copied' ? text('app.common.copied') : copyState === 'failed' ? text('app.common.copyFailed') : ''}
      </span>
    </>
  );
}
