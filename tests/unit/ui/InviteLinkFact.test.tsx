// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFlow, createTestRegistry } from '../../support/createFlow.ts';
import { createFakeBackend } from '../../support/createFakeBackend.ts';
import { renderFlowRunner } from './renderFlowRunner.tsx';

const flow = createFlow({
  lookup: { kind: 'action', title: 'flows.notReceived.lookupUser.title', action: 'findUser', next: 'link', errors: { other: 'done' } },
  link: { kind: 'action', title: 'flows.notReceived.getLink.title', action: 'getInviteLink', next: 'show', errors: { other: 'done' } },
  show: { kind: 'info', title: 'flows.notReceived.linkReady.title', facts: ['inviteLink'], next: 'done' },
  done: { kind: 'outcome', title: 'flows.notReceived.resolvedByLink.title', result: 'resolved' },
});

describe('the copied invite link', () => {
  it('stays masked until revealed, and copies to the clipboard with a visible confirmation', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const log = vi.spyOn(console, 'log');
    const { backend } = createFakeBackend();
    renderFlowRunner({ flow, backend, registry: createTestRegistry(), input: { email: 'ana@example.com' } });

    await screen.findByRole('heading', { level: 1, name: 'Here is the invite link' });
    const shown = screen.getByTestId('invite-link');
    expect(shown).not.toHaveTextContent('SECRET-TOKEN');
    expect(shown).toHaveTextContent('https://app.example.com/invite/••••');

    await user.click(screen.getByRole('button', { name: 'Reveal' }));
    expect(shown).toHaveTextContent('https://app.example.com/invite/SECRET-TOKEN-123');
    expect(screen.getByRole('button', { name: 'Hide' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith('https://app.example.com/invite/SECRET-TOKEN-123');
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    expect(log).not.toHaveBeenCalled();
  });
});
