// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { createFlow, createTestRegistry } from '../../support/createFlow.ts';
import { createFakeBackend } from '../../support/createFakeBackend.ts';
import { renderFlowRunner } from './renderFlowRunner.tsx';

describe('the waiting outcome', () => {
  it('says the case waits for the person and how to come back to it, and the summary says so too', async () => {
    const flow = createFlow({
      awaitingPerson: { kind: 'outcome', title: 'flows.notReceived.awaitingPerson.title', body: 'flows.notReceived.awaitingPerson.body', result: 'waiting' },
    });
    renderFlowRunner({ flow, backend: createFakeBackend().backend, registry: createTestRegistry(), input: { email: 'cara@example.com' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Waiting for cara@example.com' })).toHaveFocus();
    expect(screen.getAllByText('Waiting for the person').length).toBeGreaterThan(0);
    expect(screen.getByText(/This check stays under Recent sessions: open it again when you hear back/)).toBeInTheDocument();
  });
});
