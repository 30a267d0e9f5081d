// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { createMemoryBackend, demoSeed } from '../../../src/adapters/index.ts';
import { mount, type WidgetStepDetail } from '../../../src/embed/index.ts';
import { inShadow } from './widgetTestHost.ts';

describe('mount(element, options)', () => {
  it('renders into any element with the host’s own backend, and unmount() removes it', async () => {
    // The host's own user list: only one person, who is already active.
    const backend = createMemoryBackend((now, policy) => ({ ...demoSeed(now, policy), users: demoSeed(now, policy).users.filter((user) => user.id === 'usr_dan') }), undefined, { latencyMs: 0 });
    const element = document.createElement('div');
    document.body.append(element);
    const steps: WidgetStepDetail[] = [];
    element.addEventListener('invite-doctor:step', (event) => steps.push(event.detail));
    const handle = mount(element, { backend, email: 'ana.invited@example.com' });
    const view = inShadow(element);
    // Ana is not in this host's list, although the demo seed has her.
    await view.findByRole('heading', { level: 1, name: 'Nobody with this address has been invited' }, { timeout: 5_000 });
    handle.prefill('dan.active@example.com');
    await view.findByRole('heading', { level: 1, name: 'dan.active@example.com already has an account' });
    expect(steps.map((step) => step.stepId)).toContain('alreadyActive');
    handle.unmount();
    await waitFor(() => expect(element.shadowRoot?.querySelector('.idw-root')).toBeNull());
  });

  it('never touches the host’s URL, history or storage while a session runs', async () => {
    const user = userEvent.setup();
    const url = location.href;
    const historyLength = history.length;
    localStorage.setItem('host-key', 'kept');
    const element = document.createElement('div');
    document.body.append(element);
    mount(element, { demo: true, email: 'dan.active@example.com' });
    const view = inShadow(element);
    await view.findByRole('heading', { level: 1, name: 'dan.active@example.com already has an account' }, { timeout: 5_000 });
    await user.click(view.getByRole('radio', { name: 'They can sign in now' }));
    await user.click(view.getByRole('button', { name: 'Continue' }));
    await view.findByRole('heading', { level: 1, name: /sign/i });
    expect(location.href).toBe(url);
    expect(history.length).toBe(historyLength);
    expect(Object.keys(localStorage)).toEqual(['host-key']);
    expect(Object.keys(sessionStorage)).toEqual([]);
    expect(document.documentElement.lang).toBe('');
  });

  it('shows the demo tag only on the built-in demo backend', async () => {
    const element = document.createElement('div');
    document.body.append(element);
    mount(element, { demo: true });
    expect(await inShadow(element).findByText('Demo data', {}, { timeout: 5_000 })).toBeInTheDocument();
  });

  it('explains a bridge with a wildcard origin as a setup error, without crashing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const element = document.createElement('div');
    document.body.append(element);
    mount(element, { bridge: { target: window, origin: '*' } });
    expect(await inShadow(element).findByRole('heading', { level: 1, name: 'This help is set up wrongly' })).toBeInTheDocument();
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/not an exact origin/));
    error.mockRestore();
  });
});
