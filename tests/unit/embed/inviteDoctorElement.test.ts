// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { createMemoryBackend } from '../../../src/adapters/index.ts';
import '../../../src/embed/index.ts';
import { inShadow, recordWidgetEvents } from './widgetTestHost.ts';

function addWidget(attributes: Record<string, string>, properties: Partial<HTMLElementTagNameMap['invite-doctor']> = {}) {
  const element = document.createElement('invite-doctor');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  Object.assign(element, properties);
  document.body.append(element);
  return element;
}

const fast = () => createMemoryBackend(undefined, undefined, { latencyMs: 0 });

describe('<invite-doctor>', () => {
  it('attaches an open shadow root and renders the first step inside it, not in the page', async () => {
    const element = addWidget({ demo: '' });
    expect(element.shadowRoot?.mode).toBe('open');
    const heading = await inShadow(element).findByRole('heading', { level: 1, name: 'Who is missing their invitation?' }, { timeout: 5_000 });
    expect(heading).toBeInTheDocument();
    expect(document.body.querySelector('h1')).toBeNull();
    expect(inShadow(element).getByRole('region', { name: 'Invitation help' })).toBeInTheDocument();
  });

  it('tells the host about each step and the outcome with bubbling, composed events', async () => {
    const user = userEvent.setup();
    const recorded = recordWidgetEvents();
    const element = addWidget({ email: 'dan.active@example.com' }, { backend: fast() });
    const view = inShadow(element);
    await view.findByRole('heading', { level: 1, name: 'dan.active@example.com already has an account' }, { timeout: 5_000 });
    await user.click(view.getByRole('radio', { name: 'They can sign in now' }));
    await user.click(view.getByRole('button', { name: 'Continue' }));
    await view.findByRole('heading', { level: 1, name: /sign/i });
    await waitFor(() => expect(recorded.of('invite-doctor:outcome')).toHaveLength(1));
    expect(recorded.of('invite-doctor:step').map((step) => step.stepId)).toEqual(['lookupUser', 'loadActiveDeliveryLog', 'alreadyActive', 'resolvedSignIn']);
    expect(recorded.of('invite-doctor:step')[0]).toEqual({ flowId: 'invite-not-received', stepId: 'lookupUser' });
    expect(recorded.of('invite-doctor:outcome')).toEqual([{ result: 'resolved', stepId: 'resolvedSignIn', flowId: 'invite-not-received' }]);
    expect(recorded.events.every((event) => event.composed)).toBe(true);
    expect(recorded.of('invite-doctor:escalation')).toEqual([]);
  });

  it('hands the host an escalation packet with a Markdown summary when the case goes to support', async () => {
    const user = userEvent.setup();
    const recorded = recordWidgetEvents();
    const element = addWidget({ email: 'jo.sso@example.com' }, { backend: fast() });
    const view = inShadow(element);
    await view.findByRole('heading', { level: 1, name: 'This person signs in with single sign-on' }, { timeout: 5_000 });
    await user.click(view.getAllByRole('radio')[1] as HTMLElement);
    await user.click(view.getByRole('button', { name: 'Continue' }));
    await view.findByRole('heading', { level: 1, name: 'Handed over to support' });
    await waitFor(() => expect(recorded.of('invite-doctor:escalation')).toHaveLength(1));
    const [escalation] = recorded.of('invite-doctor:escalation');
    expect(escalation?.packet.flow.id).toBe('invite-not-received');
    expect(escalation?.packet.user).toMatchObject({ email: 'jo.sso@example.com', sso: true });
    expect(escalation?.packet.session.outcome).toBe('escalated');
    expect(escalation?.markdown).toMatch(/^## Invitation not received: jo\.sso@example\.com/);
  });

  it('shows a configuration error instead of crashing when no backend is given', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const element = addWidget({});
    const heading = await inShadow(element).findByRole('heading', { level: 1, name: 'This help is not set up yet' }, { timeout: 5_000 });
    expect(heading).toBeInTheDocument();
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/no invitation backend.*demo: true/));
    error.mockRestore();
  });

  it('prefill(email) starts a new check about that person; restart() goes back to the start', async () => {
    const element = addWidget({}, { backend: fast() });
    const view = inShadow(element);
    await view.findByRole('heading', { level: 1, name: 'Who is missing their invitation?' }, { timeout: 5_000 });
    element.prefill('cara.expired@example.com');
    await view.findByRole('heading', { level: 1, name: 'The invitation has expired' });
    expect(element.getAttribute('email')).toBe('cara.expired@example.com');
    element.removeAttribute('email');
    element.restart();
    await view.findByRole('heading', { level: 1, name: 'Who is missing their invitation?' });
  });

  it('speaks the language of its locale attribute, with its own i18n instance', async () => {
    const element = addWidget({ demo: '', locale: 'de' });
    const view = inShadow(element);
    expect(await view.findByRole('heading', { level: 1, name: 'Wem fehlt die Einladung?' }, { timeout: 5_000 })).toBeInTheDocument();
    expect(element.shadowRoot?.querySelector('.id-widget')?.getAttribute('lang')).toBe('de');
    element.setAttribute('locale', 'sv');
    expect(await view.findByRole('heading', { level: 1, name: 'Vem saknar sin inbjudan?' }, { timeout: 5_000 })).toBeInTheDocument();
  });

  it('applies only --id-* theme properties', async () => {
    const element = addWidget({ demo: '' }, { theme: { '--id-color-accent': '#0b6e4f', ['color' as '--id-x']: 'red' } });
    await inShadow(element).findByRole('heading', { level: 1 }, { timeout: 5_000 });
    const themed = element.shadowRoot?.querySelector<HTMLElement>('.id-widget');
    expect(themed?.style.getPropertyValue('--id-color-accent')).toBe('#0b6e4f');
    expect(themed?.style.getPropertyValue('color')).toBe('');
  });
});
