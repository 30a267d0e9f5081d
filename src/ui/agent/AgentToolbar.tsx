import { useText } from '../useText.ts';
import type { AgentCommand } from './agentKeymap.ts';

interface ToolbarProps {
  canGoBack: boolean;
  canEscalate: boolean;
  onCommand(command: AgentCommand): void;
}

const tools: Array<{ command: AgentCommand; label: string; key: string; shortcuts: string }> = [
  { command: 'back', label: 'agent.tools.back', key: 'B', shortcuts: 'B Backspace' },
  { command: 'restart', label: 'agent.tools.restart', key: 'R', shortcuts: 'R' },
  { command: 'note', label: 'agent.tools.note', key: 'N', shortcuts: 'N' },
  { command: 'paste', label: 'agent.tools.paste', key: 'P', shortcuts: 'P' },
  { command: 'escalate', label: 'agent.tools.escalate', key: 'E', shortcuts: 'E' },
  { command: 'packet', label: 'agent.tools.packet', key: 'S', shortcuts: 'S' },
  { command: 'help', label: 'agent.tools.help', key: '?', shortcuts: 'Shift+?' },
];

/** The call's commands as buttons, each with its key shown as a small badge. */
export function AgentToolbar({ canGoBack, canEscalate, onCommand }: ToolbarProps) {
  const text = useText();
  return (
    <div className="id-agent-tools">
      {tools.map((tool) => (
        <button
          key={tool.command}
          type="button"
          className={`id-agent-tool${tool.command === 'escalate' ? ' id-agent-tool--warning' : ''}`}
          aria-keyshortcuts={tool.shortcuts}
          disabled={(tool.command === 'back' && !canGoBack) || (tool.command === 'escalate' && !canEscalate)}
          onClick={() => onCommand(tool.command)}
        >
          {text(tool.label)}
          <kbd className="id-kbd" aria-hidden="true">
            {tool.key}
          </kbd>
        </button>
      ))}
    </div>
  );
}
