// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { shippedFlow } from '../shippedFlow.ts';
import { findStep, renderAgentCall } from './renderAgentCall.tsx';

async function startAna() {
  const user = userEvent.setup();
  const view = renderAgentCall({ email: 'ana.invited@example.com' });
  const heading = await findStep('Ask them to look in junk and spam');
  return { user, heading, ...view };
}

function timeline() {
  return screen.getByRole('log', { name: 'Timeline' });
}

/** Step ids as the flow names them (camelCase ones cannot be mistaken for an English word). */
const stepIds = new RegExp(`\\b(${Object.keys(shippedFlow().steps).filter((id) => /[A-Z]/.test(id)).join('|')})\\b`);

/** The timeline names every step by its title (also the steps before a restart or an escalation), never by id. */
function expectStepsByTitle() {
  const lines = within(timeline())
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
  expect(lines.length).toBeGreaterThan(3);
  expect(lines.filter((line) => stepIds.test(line))).toEqual([]);
}

describe('agent mode by keyboard', () => {
  it('selects the n-th answer with its digit, without moving on', async () => {
    const { user } = await startAna();
    await user.keyboard('2');
    expect(screen.getByRole('radio', { name: 'Not there either' })).toBeChecked();
    await user.keyboard('1');
    expect(screen.getByRole('radio', { name: 'Found it there' })).toBeChecked();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ask them to look in junk and spam');
    await user.keyboard('9');
    expect(screen.getByRole('radio', { name: 'Found it there' })).toBeChecked();
  });

  it('presses the primary button with Enter: Continue with the chosen answer', async () => {
    const { user } = await startAna();
    await user.keyboard('2{Enter}');
    expect(await findStep('Ask them to search every folder')).toHaveFocus();
    expect(within(timeline()).getByText(/Answered “Ask them to look in junk and spam”: Not there either/)).toBeInTheDocument();
  });

  it('asks for an answer when Enter comes before a digit', async () => {
    const { user } = await startAna();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent('Choose one of the answers');
  });

  it('goes back with B and with Backspace', async () => {
    const { user } = await startAna();
    await user.keyboard('2{Enter}');
    await findStep('Ask them to search every folder');
    await user.keyboard('b');
    await findStep('Ask them to look in junk and spam');
    expect(screen.getByRole('radio', { name: 'Not there either' })).toBeChecked();
    await user.keyboard('{Enter}');
    await findStep('Ask them to search every folder');
    await user.keyboard('{Backspace}');
    await findStep('Ask them to look in junk and spam');
  });

  it('restarts only after a second R; Esc cancels the question', async () => {
    const { user } = await startAna();
    await user.keyboard('2{Enter}');
    await findStep('Ask them to search every folder');

    await user.keyboard('r');
    expect(screen.getByRole('alert')).toHaveTextContent(/Start this call again/);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ask them to search every folder');

    await user.keyboard('r');
    await user.keyboard('r');
    await findStep('Ask them to look in junk and spam');
    expect(within(timeline()).getByText('Started again from the beginning')).toBeInTheDocument();
    expect(within(timeline()).getAllByText('Showed “Ask them to look in junk and spam”')).toHaveLength(2);
    expectStepsByTitle();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('focuses the note field with N, adds the note with Enter and leaves with Esc; keys typed there are text', async () => {
    const { user, heading } = await startAna();
    await user.keyboard('n');
    const field = screen.getByRole('textbox', { name: 'Note' });
    expect(field).toHaveFocus();
    await user.keyboard('Ber 1 2 reports? back, retry, escalate, paste!');
    expect(field).toHaveValue('Ber 1 2 reports? back, retry, escalate, paste!');
    // None of the letters or digits did anything to the call.
    expect(screen.getByRole('radio', { name: 'Found it there' })).not.toBeChecked();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toBe(heading);

    await user.keyboard('{Enter}');
    expect(field).toHaveValue('');
    expect(within(timeline()).getByText('Note: Ber 1 2 reports? back, retry, escalate, paste!')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(heading).toHaveFocus();
    await user.keyboard('2');
    expect(screen.getByRole('radio', { name: 'Not there either' })).toBeChecked();
  });

  it('ignores keys with Ctrl, Meta or Alt held', async () => {
    const { user } = await startAna();
    await user.keyboard('{Control>}2{/Control}{Meta>}e{/Meta}{Alt>}p{/Alt}');
    expect(screen.getByRole('radio', { name: 'Not there either' })).not.toBeChecked();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ask them to look in junk and spam');
  });

  it('asks on a first E, as R does, and escalates on the second; the packet is there at once', async () => {
    const { user } = await startAna();
    await user.keyboard('e');
    expect(screen.getByRole('alert')).toHaveTextContent('Hand this call to support now?');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ask them to look in junk and spam');
    await user.keyboard('e');
    await findStep('Handed over to support');
    const packet = screen.getByRole('region', { name: 'Escalation packet' });
    expect(within(packet).getByTestId('packet-markdown').textContent).toMatch(/Outcome: \*\*escalated\*\*/);
    expect(within(timeline()).getByText(/Went straight to “Escalate” from “Ask them to look in junk and spam”/)).toBeInTheDocument();
    expectStepsByTitle();
    expect(screen.getByRole('button', { name: 'Escalate' })).toBeDisabled();
    await user.keyboard('s');
    expect(within(packet).getByRole('button', { name: 'Copy Markdown' })).toHaveFocus();
  });

  it('keeps the call where it is when a first E is followed by Esc', async () => {
    const { user } = await startAna();
    await user.keyboard('e');
    expect(screen.getByRole('button', { name: /Yes, escalate/ })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.keyboard('e');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ask them to look in junk and spam');
  });

  it('opens the paste dialog with P and the packet with S; Esc closes them', async () => {
    const { user, heading } = await startAna();
    await user.keyboard('p');
    const paste = screen.getByRole('dialog', { name: 'Paste a delivery error' });
    expect(within(paste).getByRole('textbox', { name: 'The delivery error as the console shows it' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(heading).toHaveFocus();

    await user.keyboard('s');
    const packet = screen.getByRole('dialog', { name: 'Escalation packet' });
    expect(within(packet).getByRole('button', { name: 'Copy Markdown' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows the shortcuts with ?, keeps Tab inside, closes on Esc and gives focus back', async () => {
    const { user, heading } = await startAna();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByText('Select the answer with that number')).toBeInTheDocument();
    expect(within(dialog).getByText('1–9')).toBeInTheDocument();
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
    // Keys are the dialog's own while it is open.
    await user.keyboard('2');
    expect(screen.getByRole('radio', { name: 'Not there either' })).not.toBeChecked();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(heading).toHaveFocus();
  });

  it('shows each command with its key on the toolbar', async () => {
    await startAna();
    const back = screen.getByRole('button', { name: 'Back' });
    expect(back).toHaveAttribute('aria-keyshortcuts', 'B Backspace');
    expect(within(back).getByText('B')).toBeInTheDocument();
    for (const [name, key] of [
      ['Start again', 'R'],
      ['Note', 'N'],
      ['Paste an error', 'P'],
      ['Escalate', 'E'],
      ['Escalation packet', 'S'],
      ['Shortcuts', '?'],
    ]) {
      expect(within(screen.getByRole('button', { name })).getByText(key as string)).toBeInTheDocument();
    }
  });
});

describe('Enter on other screens', () => {
  it('presses an info step’s button, and Try again on a failed call', async () => {
    const user = userEvent.setup();
    const { memory } = renderAgentCall({ email: 'cara.expired@example.com' });
    memory?.injectFault('resendInvite', { kind: 'unavailable', cause: 'timeout' });
    await findStep('The invitation has expired');
    await user.keyboard('{Enter}');
    // The resend asks first; Enter presses its confirm button (the second, deliberate press).
    await findStep('Send a new invitation?');
    await user.keyboard('{Enter}');
    await findStep('The service took too long to answer');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    await findStep('A new invitation is on its way');
    expect(screen.getByRole('timer', { name: 'Invitation expires' })).toHaveTextContent(/^(7d 0h|6d 23h)$/);
  });
});
