// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { AgentCalls } from '../../../../src/app/agent/AgentCalls.tsx';
import { useSettingsStore, type RecentSession } from '../../../../src/app/useSettingsStore.ts';
import { findStep, renderAgentCall } from './renderAgentCall.tsx';

function recent(id: string, email: string, outcome: RecentSession['outcome'], minutesAgo: number): RecentSession {
  const at = Date.now() - minutesAgo * 60_000;
  return { id, flowId: 'invite-not-received', email, startedAt: at, updatedAt: at, lastStepId: 'checkSpam', lastStepTitle: null, outcome };
}

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search} ${JSON.stringify(location.state)}`}</p>;
}

function renderWithCalls() {
  const calls = (
    <MemoryRouter initialEntries={['/flows/invite-not-received?session=current']}>
      <Routes>
        <Route path="*" element={<><AgentCalls currentSessionId="current" /><Where /></>} />
      </Routes>
    </MemoryRouter>
  );
  return renderAgentCall({ email: 'ana.invited@example.com', calls });
}

beforeEach(() => {
  useSettingsStore.setState({
    recentSessions: [recent('current', 'ana.invited@example.com', null, 1), recent('s-dan', 'dan.active@example.com', 'resolved', 12), recent('s-eve', 'eve.deactivated@example.com', 'not-resolved', 30)],
  });
});
afterEach(() => useSettingsStore.setState({ recentSessions: [] }));

describe('several calls', () => {
  it('lists the recent calls with address, state and a way back; this call is marked', async () => {
    renderWithCalls();
    await findStep('Ask them to look in junk and spam');
    const calls = screen.getByRole('region', { name: 'Calls' });
    const items = within(calls).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^ana\.invited@example\.comIn progress.* · this call$/),
      expect.stringMatching(/^dan\.active@example\.comResolved/),
      expect.stringMatching(/^eve\.deactivated@example\.comNot resolved yet/),
    ]);
    expect(items[0]).toHaveAttribute('aria-current', 'true');
    expect(within(calls).getByRole('link', { name: 'dan.active@example.com' })).toHaveAttribute('href', '/flows/invite-not-received/steps/checkSpam?session=s-dan');
  });

  it('starts a new call for another address with C, Enter', async () => {
    const user = userEvent.setup();
    renderWithCalls();
    await findStep('Ask them to look in junk and spam');
    await user.keyboard('c');
    const field = screen.getByRole('textbox', { name: 'Address for a new call' });
    expect(field).toHaveFocus();
    await user.keyboard('gus.nomailbox@example.com{Enter}');
    expect(screen.getByTestId('where')).toHaveTextContent('/flows/invite-not-received {"email":"gus.nomailbox@example.com"}');
  });

  it('clears the earlier calls only after a confirmation, and keeps this one', async () => {
    const user = userEvent.setup();
    renderWithCalls();
    await findStep('Ask them to look in junk and spam');
    const calls = screen.getByRole('region', { name: 'Calls' });
    await user.click(within(calls).getByRole('button', { name: 'Clear earlier calls' }));
    expect(within(calls).getByRole('alert')).toHaveTextContent('Remove 2 earlier calls from this browser? This call stays.');
    await user.click(within(calls).getByRole('button', { name: 'Keep them' }));
    expect(within(calls).getAllByRole('listitem')).toHaveLength(3);

    await user.click(within(calls).getByRole('button', { name: 'Clear earlier calls' }));
    await user.click(within(calls).getByRole('button', { name: 'Remove' }));
    expect(within(calls).getAllByRole('listitem')).toHaveLength(1);
    expect(useSettingsStore.getState().recentSessions.map((session) => session.id)).toEqual(['current']);
  });
});
