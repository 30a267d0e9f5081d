// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/dom';
import userEvent from '@testing-library/user-event';
import { createMemoryBackend } from '../../../src/adapters/index.ts';
import '../../../src/embed/index.ts';
import { inShadow } from './widgetTestHost.ts';

async function addButtonWidget() {
  const element = document.createElement('invite-doctor');
  element.setAttribute('launcher', 'button');
  element.backend = createMemoryBackend(undefined, undefined, { latencyMs: 0 });
  const before = document.createElement('button');
  before.textContent = 'Host button';
  document.body.append(before, element);
  const view = inShadow(element);
  const launcher = await view.findByRole('button', { name: 'Help: invitation not received' }, { timeout: 5_000 });
  return { element, view, launcher, active: () => element.shadowRoot?.activeElement ?? null };
}

describe('the button launcher', () => {
  it('opens a labelled modal dialog with the wizard, and says so with aria-expanded / aria-controls', async () => {
    const user = userEvent.setup();
    const { view, launcher, active } = await addButtonWidget();
    expect(launcher).toHaveAttribute('aria-expanded', 'false');
    expect(view.queryByRole('dialog')).toBeNull();
    await user.click(launcher);
    const dialog = await view.findByRole('dialog', { name: 'Invitation help' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(launcher).toHaveAttribute('aria-expanded', 'true');
    expect(launcher.getAttribute('aria-controls')).toBe(dialog.id);
    const heading = await view.findByRole('heading', { level: 1, name: 'Who is missing their invitation?' }, { timeout: 5_000 });
    await waitFor(() => expect(active()).toBe(heading));
  });

  it('closes on Esc and returns focus to the button', async () => {
    const user = userEvent.setup();
    const { view, launcher, active } = await addButtonWidget();
    await user.click(launcher);
    await view.findByRole('heading', { level: 1, name: 'Who is missing their invitation?' }, { timeout: 5_000 });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(view.queryByRole('dialog')).toBeNull());
    expect(launcher).toHaveAttribute('aria-expanded', 'false');
    expect(active()).toBe(launcher);
  });

  // user-event's own Tab does not look into shadow roots, so the keydowns are dispatched directly:
  // what is under test is the trap's wrap-around, the browser moves focus everywhere else.
  it('keeps Tab inside the dialog: from the last control it wraps to the first, and back', async () => {
    const user = userEvent.setup();
    const { view, launcher, active } = await addButtonWidget();
    await user.click(launcher);
    await view.findByRole('heading', { level: 1, name: 'Who is missing their invitation?' }, { timeout: 5_000 });
    const close = view.getByRole('button', { name: 'Close' });
    const cont = view.getByRole('button', { name: 'Continue' });
    cont.focus();
    expect(fireEvent.keyDown(cont, { key: 'Tab' })).toBe(false);
    expect(active()).toBe(close);
    expect(fireEvent.keyDown(close, { key: 'Tab', shiftKey: true })).toBe(false);
    expect(active()).toBe(cont);
    // In the middle, the browser's own order applies.
    close.focus();
    expect(fireEvent.keyDown(close, { key: 'Tab' })).toBe(true);
  });

  it('open() and close() work as commands, and the session survives closing', async () => {
    const user = userEvent.setup();
    const { element, view, active } = await addButtonWidget();
    element.open();
    await view.findByRole('dialog', { name: 'Invitation help' });
    const heading = await view.findByRole('heading', { level: 1, name: 'Who is missing their invitation?' }, { timeout: 5_000 });
    await waitFor(() => expect(active()).toBe(heading));
    // user-event cannot type into a shadow root's input; an input event is what React listens to.
    fireEvent.input(view.getByRole('textbox', { name: 'Their email address' }), { target: { value: 'cara.expired@example.com' } });
    await user.click(view.getByRole('button', { name: 'Continue' }));
    await view.findByRole('heading', { level: 1, name: 'The invitation has expired' });
    element.close();
    await waitFor(() => expect(view.queryByRole('dialog')).toBeNull());
    element.open();
    expect(await view.findByRole('heading', { level: 1, name: 'The invitation has expired' })).toBeInTheDocument();
  });
});
