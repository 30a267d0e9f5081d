// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryBackend } from '../../../src/adapters/index.ts';
import { createInvitationRegistry } from '../../../src/registry/index.ts';
import { renderFlowRunner } from './renderFlowRunner.tsx';
import { shippedFlow } from './shippedFlow.ts';

function startAna() {
  const backend = createMemoryBackend(undefined, undefined, { latencyMs: 0 });
  return renderFlowRunner({ flow: shippedFlow(), backend, registry: createInvitationRegistry(), input: { email: 'ana.invited@example.com' } });
}

describe('a question step', () => {
  it('shows the question as the page heading with its options as radios in a fieldset', async () => {
    startAna();
    const heading = await screen.findByRole('heading', { level: 1, name: /spam/i });
    expect(heading).toHaveFocus();
    const group = screen.getByRole('group', { name: heading.textContent ?? '' });
    expect(group).toBeInTheDocument();
    expect(screen.getAllByRole('radio').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByRole('button', { name: 'Continue' })).toBeInTheDocument();
  });

  it('sends the chosen answer on Continue and moves to the next step', async () => {
    const user = userEvent.setup();
    const { container } = startAna();
    await screen.findByRole('heading', { level: 1, name: /spam/i });
    await user.click(screen.getByRole('radio', { name: /not/i }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { level: 1, name: /rule|folder|tab/i })).toBeInTheDocument();
    expect(container.querySelector('[aria-live="polite"]')?.textContent).toMatch(/rule|folder|tab/i);
  });

  it('asks for an answer instead of moving on when none is chosen', async () => {
    const user = userEvent.setup();
    startAna();
    const heading = await screen.findByRole('heading', { level: 1, name: /spam/i });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Choose one of the answers');
    expect(screen.getByRole('heading', { level: 1 })).toBe(heading);
  });

  it('goes Back to the previous question with its answer still chosen, and Restart returns to the first step', async () => {
    const user = userEvent.setup();
    startAna();
    await screen.findByRole('heading', { level: 1, name: /spam/i });
    expect(screen.getByRole('button', { name: 'Back' })).toBeDisabled();
    await user.click(screen.getByRole('radio', { name: /not/i }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: /rule|folder|tab/i });
    expect(screen.getByText('Step 2')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { level: 1, name: /spam/i })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /not/i })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: /rule|folder|tab/i });
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(await screen.findByRole('heading', { level: 1, name: /spam/i })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /not/i })).not.toBeChecked();
    expect(screen.getByText('Step 1')).toBeInTheDocument();
    // The bar's spoken value lists the step and what is left as the language lists things (Intl.ListFormat).
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuetext', expect.stringMatching(/^Step 1, at least \d+ more steps?$/));
  });
});
