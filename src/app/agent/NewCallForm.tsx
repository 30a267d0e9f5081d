import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
// Straight from its module: the address check alone, not every delivery rule.
import { checkAddress } from '../../diagnostics/checkAddress.ts';
import { AddressField } from '../../ui/AddressField.tsx';
import { useText } from '../../ui/useText.ts';
import { startFlowId } from '../flowCatalog.ts';

/** Starts a fresh session for another address; the current call stays in the recent calls. */
export function NewCallForm() {
  const navigate = useNavigate();
  const text = useText();
  const [email, setEmail] = useState('');
  const [attempted, setAttempted] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const check = checkAddress(email);
    if (!check.valid || !check.normalized) return;
    setEmail('');
    setAttempted(false);
    navigate(`/flows/${startFlowId}`, { state: { email: check.normalized } });
  };
  return (
    <form className="id-agent-form" onSubmit={submit} noValidate>
      <AddressField id="id-agent-new-call" label={text('agent.calls.newLabel')} value={email} onChange={setEmail} showProblems={attempted} />
      <button type="submit" className="id-button id-button--secondary">
        {text('agent.calls.start')}
      </button>
    </form>
  );
}
