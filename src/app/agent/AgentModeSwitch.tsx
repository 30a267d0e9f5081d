import { useText } from '../../ui/useText.ts';
import { useSettingsStore } from '../useSettingsStore.ts';

/** Agent mode on or off; remembered in the settings store. */
export function AgentModeSwitch() {
  const agentMode = useSettingsStore((state) => state.agentMode);
  const setAgentMode = useSettingsStore((state) => state.setAgentMode);
  const text = useText();
  return (
    <label className="id-inline-field">
      <input type="checkbox" role="switch" checked={agentMode} onChange={(event) => setAgentMode(event.target.checked)} />
      <span>{text('app.settings.agentMode')}</span>
    </label>
  );
}
