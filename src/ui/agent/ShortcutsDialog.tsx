import { useText } from '../useText.ts';
import { AgentDialog } from './AgentDialog.tsx';
import { agentKeymap } from './agentKeymap.ts';

/** Every agent-mode key and what it does, from the same key map the handler uses. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const text = useText();
  return (
    <AgentDialog title={text('agent.shortcuts.title')} onClose={onClose}>
      <p className="id-muted">{text('agent.shortcuts.lead')}</p>
      <dl className="id-agent-keys">
        {agentKeymap.map((shortcut) => (
          <div key={shortcut.command} className="id-agent-keys-row">
            <dt>
              {shortcut.command === 'back' ? (
                <>
                  <kbd className="id-kbd">B</kbd> / <kbd className="id-kbd">{text('agent.keyNames.backspace')}</kbd>
                </>
              ) : (
                <kbd className="id-kbd">{shortcut.display}</kbd>
              )}
            </dt>
            <dd>{text(shortcut.label)}</dd>
          </div>
        ))}
      </dl>
      <p className="id-muted">{text('agent.shortcuts.typing')}</p>
    </AgentDialog>
  );
}
