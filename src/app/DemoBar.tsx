import { useState } from 'react';
import { useText } from '../ui/useText.ts';
import { defaultSendingSetup, type MemorySendingSetup } from '../adapters/memory/MemorySendingSetup.ts';
import { loadAppBackend } from './appBackend.ts';

type DemoRole = 'admin' | 'team-manager';

/** The outgoing-mail situations the demo can play: working, each way mail fails to leave, and links pointing at the wrong host. */
const sendingSettings = ['working', 'mail_not_configured', 'auth_refused', 'provider_rate_limited', 'sandbox_recipient', 'sending_domain_unverified', 'localhost'] as const;
type SendingSetting = (typeof sendingSettings)[number];

function sendingSetupOf(setting: SendingSetting): Partial<MemorySendingSetup> {
  const working = { configured: true, failure: null, linkOrigin: defaultSendingSetup.linkOrigin };
  if (setting === 'working') return working;
  if (setting === 'localhost') return { ...working, linkOrigin: 'http://localhost:3000' };
  return { ...working, failure: setting };
}

/**
 * Controls for the in-memory demo data: act as an admin or as the manager of team a (Customer Success), and put
 * the demo organisation back as it was. Shown only when the memory backend runs.
 */
export function DemoBar() {
  const text = useText();
  const [role, setRole] = useState<DemoRole>('admin');
  const [sending, setSending] = useState<SendingSetting>('working');
  const [status, setStatus] = useState('');

  const changeRole = async (next: DemoRole) => {
    setRole(next);
    const { demo } = await loadAppBackend();
    demo?.setRole(next === 'admin' ? { kind: 'admin' } : { kind: 'team-manager', team: 'a' });
    setStatus(text('app.demo.roleChanged', { role: text(`app.demo.roles.${next}`) }));
  };
  const changeSending = async (next: SendingSetting) => {
    setSending(next);
    const { demo } = await loadAppBackend();
    demo?.setSending(sendingSetupOf(next));
    setStatus(text('app.demo.sendingChanged', { setting: text(`app.demo.sendingOptions.${next}`) }));
  };
  const reset = async () => {
    const { demo } = await loadAppBackend();
    demo?.reset();
    setSending('working');
    setStatus(text('app.demo.resetDone'));
  };
  return (
    <aside className="id-demo-bar" aria-label={text('app.demo.label')}>
      <div className="id-container id-demo-bar-inner">
        <span className="id-demo-tag">{text('app.demo.label')}</span>
        <label className="id-inline-field">
          {text('app.demo.role')}
          <select className="id-select" value={role} onChange={(event) => void changeRole(event.target.value as DemoRole)}>
            <option value="admin">{text('app.demo.roles.admin')}</option>
            <option value="team-manager">{text('app.demo.roles.team-manager')}</option>
          </select>
        </label>
        <label className="id-inline-field">
          {text('app.demo.sending')}
          <select className="id-select" value={sending} onChange={(event) => void changeSending(event.target.value as SendingSetting)}>
            {sendingSettings.map((setting) => (
              <option key={setting} value={setting}>
                {text(`app.demo.sendingOptions.${setting}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="id-link-button" onClick={() => void reset()}>
          {text('app.demo.reset')}
        </button>
        <span role="status" className="id-demo-status">
          {status}
        </span>
      </div>
    </aside>
  );
}
