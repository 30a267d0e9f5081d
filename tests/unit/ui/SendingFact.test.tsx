// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryBackend, demoSeed } from '../../../src/adapters/index.ts';
import { createInvitationRegistry } from '../../../src/registry/index.ts';
import { renderFlowRunner } from './renderFlowRunner.tsx';
import { shippedFlow } from './shippedFlow.ts';

describe('the sending fact cards', () => {
  it('say why nothing left in plain words beside the provider text, then name the fix and who makes it', async () => {
    const user = userEvent.setup();
    const backend = createMemoryBackend(demoSeed);
    renderFlowRunner({ flow: shippedFlow(), backend, registry: createInvitationRegistry(), input: { email: 'quinn.quota@example.com' } });

    await screen.findByRole('heading', { level: 1, name: 'Nothing has left our side' });
    const card = screen.getByRole('region', { name: 'Our outgoing mail' });
    expect(within(card).getByText("Our mail provider's sending limit was reached, so it refuses to send more for now.")).toBeInTheDocument();
    expect(within(card).getByText('429 Too Many Requests: daily sending quota reached')).toBeInTheDocument();
    expect(within(card).getByText('Demo mail')).toBeInTheDocument();
    expect(within(card).getByText('https://app.example.com')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'What now?' }));
    await user.click(await screen.findByRole('radio', { name: 'No, just tell me what to fix' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: 'Fix the sending setup' });
    const fix = screen.getByRole('region', { name: 'What to fix, and who does it' });
    expect(within(fix).getByText(/raise the account's sending limit with the provider/)).toBeInTheDocument();
    expect(within(fix).getByText('The owner of the mail provider account')).toBeInTheDocument();
    expect(screen.queryByText(/IT/)).not.toBeInTheDocument();
  });
});
