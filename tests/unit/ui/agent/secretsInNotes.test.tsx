// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { findStep, renderAgentCall } from './renderAgentCall.tsx';

const token = 'Zk3QpL9sT2vX8yB4nM7cR1wE5uH0';

function timeline(): string[] {
  return within(screen.getByRole('log', { name: 'Timeline' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

describe('agent notes and pasted errors keep no secret', () => {
  it('masks a link and a code typed into a note before it joins the timeline', async () => {
    const user = userEvent.setup();
    renderAgentCall({ email: 'ana.invited@example.com' });
    await findStep('Ask them to look in junk and spam');
    await user.keyboard('n');
    await user.keyboard(`Sent app.example.com/invite/${token} and code=483920 to ana.invited@example.com{Enter}`);

    const lines = timeline().join('\n');
    expect(lines).toContain('Sent app.example.com/••• and code=••• to ana.invited@example.com');
    expect(lines).not.toContain(token);
    expect(lines).not.toContain('483920');
  });

  it('masks a link in a pasted delivery error and still classifies its code', async () => {
    const user = userEvent.setup();
    renderAgentCall({ email: 'ana.invited@example.com' });
    await findStep('Ask them to look in junk and spam');
    await user.keyboard('p');
    const dialog = screen.getByRole('dialog', { name: 'Paste a delivery error' });
    await user.click(within(dialog).getByRole('textbox', { name: 'The delivery error as the console shows it' }));
    await user.paste(`550 5.1.1 <ana.invited@example.com>: User unknown. Invite was https://app.example.com/accept?token=${token}`);
    await user.keyboard('{Control>}{Enter}{/Control}');

    expect(await findStep('That mailbox does not exist')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(token);
    const facts = screen.getByRole('region', { name: 'What the backend reported' });
    expect(within(facts).getByText('5.1.1')).toBeInTheDocument();
  });
});
