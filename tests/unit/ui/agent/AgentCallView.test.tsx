// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { createMemoryBackend } from '../../../../src/adapters/index.ts';
import { allCapabilities } from '../../../../src/engine/index.ts';
import { createInvitationRegistry } from '../../../../src/registry/index.ts';
import { renderFlowRunner } from '../renderFlowRunner.tsx';
import { shippedFlow } from '../shippedFlow.ts';
import { findStep, renderAgentCall } from './renderAgentCall.tsx';

describe('the call layout', () => {
  it('puts what to say apart from the step, and the backend facts in a strip', async () => {
    renderAgentCall({ email: 'ana.invited@example.com' });
    const heading = await findStep('Ask them to look in junk and spam');
    const say = screen.getByRole('region', { name: 'Say' });
    expect(within(say).getByText('“Could you look in your junk or spam folder for an email from invitations@app.example.com?”')).toBeInTheDocument();
    expect(say).not.toContainElement(heading);
    expect(screen.getByRole('region', { name: 'Check in the console' })).toContainElement(heading);

    const facts = screen.getByRole('region', { name: 'What the backend reported' });
    const value = (label: string) => within(facts).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(value('Status')).toBe('Invited, pending');
    expect(value('Invited')).toMatch(/^2 hours ago/);
    expect(value('Invitation expires')).toMatch(/^in 7 days/);
    expect(value('Accepted')).toBe('—');
    expect(value('Single sign-on')).toBe('No');
    expect(value('Team')).toBe('Customer Success');
    expect(within(facts).getByText('No problem')).toBeInTheDocument();
    expect(within(within(facts).getByRole('list', { name: 'Delivery events (2)' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringMatching(/Sent Accepted for delivery/),
      expect.stringMatching(/Delivered 2\.0\.0/),
    ]);
    expect(screen.getByRole('heading', { level: 2, name: 'Timeline' })).toBeInTheDocument();
  });

  it('shows the step’s console check above it, and gives a question without a say text to read out with its choices', async () => {
    const backend = createMemoryBackend(undefined, undefined, { latencyMs: 0, capabilities: allCapabilities.filter((capability) => capability !== 'deliveryLog') });
    renderAgentCall({ email: 'ana.invited@example.com', backend });
    await findStep('Is there a delivery error next to this person?');
    const check = screen.getByRole('region', { name: 'Check in the console' });
    expect(within(check).getByText('Look next to the person in the user list for a delivery error.')).toBeInTheDocument();
    const say = screen.getByRole('region', { name: 'Say' });
    expect(within(say).queryByText(/Nothing to read out/)).not.toBeInTheDocument();
    expect(within(say).getByText('“Is there a delivery error next to this person?”')).toBeInTheDocument();
    const radios = within(check).getAllByRole('radio').map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent);
    const choices = within(within(say).getByRole('list', { name: 'Choices' })).getAllByRole('listitem').map((item) => item.textContent);
    expect(choices).toEqual(radios);
    expect(choices.length).toBeGreaterThan(1);
  });

  it('reads out a question’s own say text, written for reading aloud, instead of its title', async () => {
    renderAgentCall({ email: 'nobody.known@example.com' });
    await findStep(/Nobody with this address/);
    const say = screen.getByRole('region', { name: 'Say' });
    expect(within(say).getByText('“Could you spell out the email address you expected the invitation at?”')).toBeInTheDocument();
    expect(within(say).queryByRole('list', { name: 'Choices' })).not.toBeInTheDocument();
  });

  it('gives the question of an input step to read out', async () => {
    renderAgentCall({ email: '' });
    await findStep('Who is missing their invitation?');
    const say = screen.getByRole('region', { name: 'Say' });
    expect(within(say).getByText('“Who is missing their invitation?”')).toBeInTheDocument();
    expect(within(say).queryByText(/Nothing to read out/)).not.toBeInTheDocument();
  });

  it('leaves out the step’s person card, whose every line the strip already shows', async () => {
    renderAgentCall({ email: 'dan.active@example.com' });
    await findStep(/already has an account/);
    expect(screen.queryByRole('heading', { name: 'What we know about this person' })).not.toBeInTheDocument();
    const facts = screen.getByRole('region', { name: 'What the backend reported' });
    const value = (label: string) => within(facts).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(value('Name')).toBe('Dan Evans');
    expect(value('Account setup finished')).toBe('Yes');
  });

  it('keeps the person card outside agent mode', async () => {
    const backend = createMemoryBackend(undefined, undefined, { latencyMs: 0 });
    renderFlowRunner({ flow: shippedFlow(), backend, registry: createInvitationRegistry(), input: { email: 'dan.active@example.com' } });
    expect(await screen.findByRole('heading', { name: 'What we know about this person' })).toBeInTheDocument();
  });
});
