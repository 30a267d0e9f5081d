// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFlow, createTestRegistry } from '../../support/createFlow.ts';
import { createFakeBackend, createUser } from '../../support/createFakeBackend.ts';
import { renderFlowRunner } from './renderFlowRunner.tsx';

const flow = createFlow({
  lookup: { kind: 'action', title: 'flows.notReceived.lookupUser.title', action: 'findUser', next: 'wait', errors: { other: 'done' } },
  wait: { kind: 'wait', title: 'flows.notReceived.waitForDelivery.title', duration: 'deliveryWindowMs', from: 'lastSent', skippable: true, next: 'done' },
  done: { kind: 'outcome', title: 'flows.notReceived.resolvedArrived.title', result: 'resolved' },
});

function start() {
  const user = createUser({ lastSentAt: new Date(Date.now() - 60_000).toISOString() });
  const { backend } = createFakeBackend({ user });
  return renderFlowRunner({ flow, backend, registry: createTestRegistry(), input: { email: 'ben@example.com' } });
}

describe('a wait step', () => {
  it('counts down to the deadline in mm:ss and announces the time left once, politely', async () => {
    const { container } = start();
    await screen.findByRole('heading', { level: 1, name: 'The invitation went out moments ago' });
    expect(screen.getByRole('timer', { name: 'Time left' }).textContent).toMatch(/^0[34]:[0-5]\d$/);
    expect(screen.getByText(/^Until \d{1,2}:\d{2}/)).toBeInTheDocument();
    const live = container.querySelector('[aria-live="polite"][aria-atomic="true"]');
    expect(live?.textContent).toMatch(/moments ago\. 4 minutes left/);
  });

  it('moves on when the person skips the wait', async () => {
    const user = userEvent.setup();
    start();
    await screen.findByRole('heading', { level: 1, name: 'The invitation went out moments ago' });
    await user.click(screen.getByRole('button', { name: 'Skip the wait' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'The invitation arrived' })).toBeInTheDocument();
    expect(screen.getByText(/Skipped the wait/)).toBeInTheDocument();
  });
});
