import { useText } from '../../ui/useText.ts';
import { NewCallForm } from './NewCallForm.tsx';
import { RecentCalls } from './RecentCalls.tsx';

/** Beside a call in agent mode: start the next call, get back to an earlier one. */
export function AgentCalls({ currentSessionId }: { currentSessionId: string }) {
  const text = useText();
  return (
    <section className="id-agent-card" aria-labelledby="id-agent-calls-title">
      <h2 id="id-agent-calls-title" className="id-agent-card-title">
        {text('agent.calls.title')} <kbd className="id-kbd" aria-hidden="true">C</kbd>
      </h2>
      <NewCallForm />
      <RecentCalls currentSessionId={currentSessionId} />
    </section>
  );
}
