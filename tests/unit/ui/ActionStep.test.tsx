// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BackendError } from '../../../src/engine/index.ts';
import { createFlow, createTestRegistry } from '../../support/createFlow.ts';
import { createFakeBackend } from '../../support/createFakeBackend.ts';
import { renderFlowRunner } from './renderFlowRunner.tsx';

const flow = createFlow({
  lookup: { kind: 'action', title: 'flows.notReceived.lookupUser.title', action: 'findUser', next: 'done', errors: { other: 'gaveUp' } },
  done: { kind: 'outcome', title: 'flows.notReceived.resolvedArrived.title', result: 'resolved' },
  gaveUp: { kind: 'outcome', title: 'flows.notReceived.escalate.title', result: 'escalated' },
});

function start(failures: BackendError[]) {
  const { backend, calls } = createFakeBackend({ failures });
  renderFlowRunner({ flow, backend, registry: createTestRegistry(), input: { email: 'ana@example.com' } });
  return calls;
}

const cases: Array<[string, BackendError, RegExp, RegExp]> = [
  ['rate_limited', { kind: 'rate_limited', retryAfterMs: 90 * 60_000 }, /Too many attempts/, /allows this again at \d{1,2}:\d{2}/],
  ['not_permitted', { kind: 'not_permitted' }, /Your role does not allow this/, /administrator/],
  ['not_found', { kind: 'not_found' }, /could not be found/, /Check the address/],
  ['deactivated', { kind: 'deactivated' }, /deactivated/, /reactivate/],
  ['conflict', { kind: 'conflict' }, /changed in the meantime/, /latest state/],
  ['unsupported', { kind: 'unsupported' }, /cannot be done from here/, /admin console/],
  ['unavailable (timeout)', { kind: 'unavailable', cause: 'timeout' }, /took too long/, /Try again in a moment/],
  ['unavailable (network)', { kind: 'unavailable', cause: 'network' }, /could not be reached/, /internet connection/],
  ['unavailable (server)', { kind: 'unavailable', cause: 'server', status: 503 }, /ran into a problem/, /service's side/],
  ['unavailable (malformed)', { kind: 'unavailable', cause: 'malformed' }, /could not read/, /tell support/],
];

describe('an action step that fails', () => {
  it.each(cases)('explains %s in plain words with what to do next', async (_, error, title, next) => {
    start([error]);
    const heading = await screen.findByRole('heading', { level: 1, name: title });
    expect(heading).toHaveFocus();
    expect(screen.getByText(next)).toBeInTheDocument();
    expect(screen.getByText('Looking up ana@example.com')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue without it' })).toBeInTheDocument();
  });

  it('runs the call again on Retry and moves on when it succeeds', async () => {
    const user = userEvent.setup();
    const calls = start([{ kind: 'unavailable', cause: 'timeout' }]);
    await screen.findByRole('heading', { level: 1, name: /took too long/ });
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'The invitation arrived' })).toBeInTheDocument();
    expect(calls).toEqual(['findUser', 'findUser']);
  });

  it('follows the flow onwards without the result on "Continue without it"', async () => {
    const user = userEvent.setup();
    start([{ kind: 'unavailable', cause: 'server' }]);
    await screen.findByRole('heading', { level: 1, name: /ran into a problem/ });
    await user.click(screen.getByRole('button', { name: 'Continue without it' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Handed over to support' })).toBeInTheDocument();
  });

  it('shows that the backend is working while the call runs', async () => {
    const { backend } = createFakeBackend();
    backend.findUser = () => new Promise(() => {});
    renderFlowRunner({ flow, backend, registry: createTestRegistry(), input: { email: 'ana@example.com' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Looking up ana@example.com…' })).toBeInTheDocument();
  });
});
