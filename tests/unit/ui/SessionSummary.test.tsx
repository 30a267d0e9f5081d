// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFlow, createTestRegistry } from '../../support/createFlow.ts';
import { createFakeBackend } from '../../support/createFakeBackend.ts';
import { renderFlowRunner } from './renderFlowRunner.tsx';

const flow = createFlow({
  lookup: { kind: 'action', title: 'flows.notReceived.lookupUser.title', action: 'findUser', next: 'spam', errors: { other: 'done' } },
  spam: {
    kind: 'question',
    title: 'flows.notReceived.checkSpam.title',
    facts: ['user'],
    options: [
      { id: 'found', label: 'flows.notReceived.checkSpam.options.found', next: 'done' },
      { id: 'notThere', label: 'flows.notReceived.checkSpam.options.notThere', next: 'done' },
    ],
  },
  done: { kind: 'outcome', title: 'flows.notReceived.resolvedFoundInSpam.title', body: 'flows.notReceived.resolvedFoundInSpam.body', result: 'resolved' },
});

describe('the session summary', () => {
  it('ends with the outcome, the facts and every step, answer and call with its time', async () => {
    const user = userEvent.setup();
    const { backend } = createFakeBackend();
    renderFlowRunner({ flow, backend, registry: createTestRegistry(), input: { email: 'ana@example.com' } });
    await screen.findByRole('heading', { level: 1, name: 'Ask them to look in junk and spam' });
    expect(screen.getByRole('region', { name: 'What we know about this person' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Found it there' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    await screen.findByRole('heading', { level: 1, name: /spam/i });
    expect(screen.getByText('Resolved', { selector: '.id-outcome-badge' })).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(within(summary).getAllByText('ana@example.com').length).toBeGreaterThan(0);
    expect(within(summary).getByRole('region', { name: 'What we know about this person' })).toBeInTheDocument();
    const lines = within(summary).getAllByRole('listitem').map((item) => item.textContent);
    expect(lines).toEqual([
      expect.stringMatching(/^\d{1,2}:\d{2}.*Started looking up the person$/),
      expect.stringMatching(/Done looking up the person: found: Yes$/),
      expect.stringMatching(/Showed “Ask them to look in junk and spam”$/),
      expect.stringMatching(/Answered “Ask them to look in junk and spam”: Found it there$/),
      expect.stringMatching(/Showed “.*spam.*”$/),
    ]);
    expect(within(summary).getByRole('button', { name: 'Copy the summary' })).toBeInTheDocument();
  });
});
