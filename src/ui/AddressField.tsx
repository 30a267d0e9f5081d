import { useMemo, useState, type Ref } from 'react';
// Straight from its module, not the diagnostics index: the start page needs only the address
// check, and through the index the bundler would put every delivery rule into the start chunk.
import { checkAddress } from '../diagnostics/checkAddress.ts';
import { useText } from './useText.ts';

interface AddressFieldProps {
  id: string;
  /** The form field name (what a plain form submission sends). @default id */
  name?: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** Show what is wrong even before the field lost focus (after a submit attempt). */
  showProblems?: boolean;
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * An email field that checks the address as it is typed and offers a typo fix ("Did you mean
 * lee@gmail.com?") as a button that fills it in. Problems show once the person has left the
 * field or tried to continue, not while they are still typing.
 */
export function AddressField({ id, name = id, label, value, onChange, showProblems = false, hint, inputRef }: AddressFieldProps) {
  const text = useText();
  const [touched, setTouched] = useState(false);
  const check = useMemo(() => checkAddress(value), [value]);
  const problem = (touched || showProblems) && !check.valid ? text(`app.address.problems.${check.problems[0] ?? 'empty'}`) : null;
  const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null, `${id}-status`].filter(Boolean).join(' ');
  return (
    <div className={`id-field${problem ? ' id-field--error' : ''}`}>
      <label htmlFor={id} className="id-label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="id-hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-error`} className="id-error-message">
          <span className="id-visually-hidden">{text('app.common.errorPrefix')}</span> {problem}
        </p>
      )}
      <input
        ref={inputRef}
        id={id}
        name={name}
        type="email"
        inputMode="email"
        autoComplete="off"
        spellCheck={false}
        className="id-input"
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => setTouched(value.trim() !== '')}
      />
      <div id={`${id}-status`} className="id-field-status" aria-live="polite">
        {check.suggestion && check.suggestion !== value.trim() && (
          <button type="button" className="id-link-button" onClick={() => onChange(check.suggestion as string)}>
            {text('app.address.didYouMean', { suggestion: check.suggestion })}
          </button>
        )}
      </div>
    </div>
  );
}
