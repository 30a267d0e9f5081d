// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeBackend } from '../../../support/createFakeBackend.ts';
import { createFlow, createTestRegistry } from '../../../support/createFlow.ts';
import { findStep, renderAgentCall } from './renderAgentCall.tsx';

async function pasteOnAna(errorText: string) {
  const user = userEvent.setup();
  renderAgentCall({ email: 'ana.invited@example.com' });
  await findStep('Ask them to look in junk and spam');
  await user.keyboard('p');
  const dialog = screen.getByRole('dialog', { name: 'Paste a delivery error' });
  const field = within(dialog).getByRole('textbox', { name: 'The delivery error as the console shows it' });
  await user.click(field);
  await user.paste(errorText);
  return { user, dialog, field };
}

describe('pasting a delivery error', () => {
  it('classifies a 5.1.1 bounce, says why, and moves the call to the bad-mailbox step', async () => {
    const { user } = await pasteOnAna('550 5.1.1 <ana.invited@example.com>: Recipient address rejected: User unknown in local recipient table');
    await user.keyboard('{Control>}{Enter}{/Control}');

    expect(await findStep('That mailbox does not exist')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const why = screen.getByRole('status', { name: 'Pasted delivery error' });
    expect(within(why).getByText('The mailbox does not exist')).toBeInTheDocument();
    expect(within(why).getByText(/code 5\.1\.1/)).toBeInTheDocument();
    expect(within(why).getByText(/no mailbox with this name/)).toBeInTheDocument();
    const facts = screen.getByRole('region', { name: 'What the backend reported' });
    expect(within(facts).getByText('5.1.1')).toBeInTheDocument();
    const lines = within(screen.getByRole('log', { name: 'Timeline' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toContainEqual(expect.stringMatching(/Went straight to “Paste an error”.* · The mailbox does not exist, 5\.1\.1$/));
  });

  it('routes text it does not recognise to the unknown-error step and keeps the raw text', async () => {
    // (A held message under a recipient's policy now reads as a filter: the phrase families know it.)
    const raw = 'Processing note 77: item parked for batch Q';
    const { user, dialog } = await pasteOnAna(raw);
    await user.click(within(dialog).getByRole('button', { name: 'Diagnose and go to the right step' }));

    await findStep('An error we do not recognise');
    expect(screen.getByRole('status', { name: 'Pasted delivery error' })).toHaveTextContent(/no status code found/);
    const finding = screen.getByRole('region', { name: 'What the mail system reported' });
    expect(within(finding).getByText(raw)).toBeInTheDocument();
  });

  it('asks for the text instead of routing nothing', async () => {
    const user = userEvent.setup();
    renderAgentCall({ email: 'ana.invited@example.com' });
    await findStep('Ask them to look in junk and spam');
    await user.keyboard('p');
    const dialog = screen.getByRole('dialog', { name: 'Paste a delivery error' });
    await user.click(within(dialog).getByRole('button', { name: 'Diagnose and go to the right step' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Paste the error text first.');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ask them to look in junk and spam');
  });

  it('says so when the flow has no delivery-error entry, with the diagnosis, and stays on the step', async () => {
    const user = userEvent.setup();
    const flow = createFlow({
      lookup: { kind: 'action', title: 'flows.notReceived.lookupUser.title', action: 'findUser', next: 'spam', errors: { other: 'done' } },
      spam: {
        kind: 'question',
        title: 'flows.notReceived.checkSpam.title',
        options: [{ id: 'found', label: 'flows.notReceived.checkSpam.options.found', next: 'done' }],
      },
      done: { kind: 'outcome', title: 'flows.notReceived.resolvedFoundInSpam.title', result: 'resolved' },
    });
    const { backend } = createFakeBackend();
    renderAgentCall({ email: 'ana@example.com', flow, backend, registry: createTestRegistry() });
    await findStep('Ask them to look in junk and spam');
    await user.keyboard('p');
    const dialog = screen.getByRole('dialog', { name: 'Paste a delivery error' });
    await user.click(within(dialog).getByRole('textbox'));
    await user.paste('452 4.2.2 Mailbox full');
    await user.click(within(dialog).getByRole('button', { name: 'Diagnose and go to the right step' }));

    const alert = within(dialog).getByRole('alert');
    expect(alert).toHaveTextContent('This check cannot take a pasted delivery error');
    expect(alert).toHaveTextContent('The mailbox is full');
    expect(alert).toHaveTextContent('code 4.2.2');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ask them to look in junk and spam');
  });
});
