import { useState, type FormEvent, type Ref } from 'react';
import { useFlowSession } from '../useFlowSession.ts';
import { useText } from '../useText.ts';

/** One line for the agent's own notes: Enter adds it to the call's record (`note.add`). */
export function NoteField({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const { actor } = useFlowSession();
  const [value, setValue] = useState('');
  const [added, setAdded] = useState(0);
  const text = useText();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) return;
    actor.send({ type: 'note.add', text: value });
    setValue('');
    setAdded((count) => count + 1);
  };
  return (
    <form className="id-agent-card id-agent-note" onSubmit={submit} noValidate>
      <label htmlFor="id-agent-note" className="id-agent-card-title">
        {text('agent.note.label')} <kbd className="id-kbd" aria-hidden="true">N</kbd>
      </label>
      <p id="id-agent-note-hint" className="id-hint">
        {text('agent.note.hint')}
      </p>
      <div className="id-agent-inline">
        <input
          ref={inputRef}
          id="id-agent-note"
          type="text"
          className="id-input"
          autoComplete="off"
          value={value}
          aria-describedby="id-agent-note-hint"
          aria-keyshortcuts="N"
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="id-button id-button--secondary">
          {text('agent.note.add')}
        </button>
      </div>
      <p role="status" className="id-copy-status">
        {added > 0 ? text('agent.note.added', { count: added }) : ''}
      </p>
    </form>
  );
}
