// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { findStep, renderAgentCall } from './renderAgentCall.tsx';

const minute = 60_000;

beforeEach(() => {
  // Only the clock and the ticking intervals are fake; backend calls and React still run on real timeouts.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: Date.parse('2026-11-22T10:00:00.000Z') });
});
afterEach(() => vi.useRealTimers());

function timer(name: string) {
  return screen.getByRole('timer', { name });
}

describe('the call clocks', () => {
  it('counts the call time up in mm:ss from the start of the session, past the hour', async () => {
    renderAgentCall({ email: 'ana.invited@example.com' });
    await findStep('Ask them to look in junk and spam');
    expect(timer('Call time')).toHaveTextContent('00:00');
    // The clock's interval is registered in an effect after the heading appears; on a loaded
    // machine it can lag, so let pending effects run (real setTimeout) before moving fake time.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    act(() => vi.advanceTimersByTime(65_000));
    expect(timer('Call time')).toHaveTextContent('01:05');
    act(() => vi.advanceTimersByTime(60 * minute));
    expect(timer('Call time')).toHaveTextContent('61:05');
  });

  it('counts down the delivery wait, the resend cooldown and the invitation expiry, each turning into "passed"', async () => {
    renderAgentCall({ email: 'ben.recent@example.com' });
    await findStep('The invitation went out moments ago');
    // Ben's invitation went out 3 minutes ago: 2 of 5 minutes' wait and 12 of 15 minutes' cooldown are left.
    expect(timer('Delivery wait')).toHaveTextContent('02:00');
    expect(timer('Resend possible again')).toHaveTextContent('12:00');
    expect(timer('Invitation expires')).toHaveTextContent('6d 23h');

    act(() => vi.advanceTimersByTime(2 * minute + 1_000));
    expect(timer('Delivery wait')).toHaveTextContent('passed');
    expect(timer('Resend possible again')).toHaveTextContent('09:59');
    act(() => vi.advanceTimersByTime(10 * minute));
    expect(timer('Resend possible again')).toHaveTextContent('passed');
    const timers = screen.getByRole('region', { name: 'Timers' });
    expect(within(timers).getAllByText(/^was at /)).toHaveLength(2);
  });

  it('shows the reset link expiry once a password reset went out', async () => {
    const user = userEvent.setup();
    renderAgentCall({ email: 'dan.active@example.com' });
    await findStep('dan.active@example.com already has an account');
    expect(screen.queryByRole('timer', { name: 'Reset link expires' })).not.toBeInTheDocument();
    await user.keyboard('2{Enter}');
    await findStep('Send a password reset?');
    await user.keyboard('{Enter}');
    await findStep('Password reset sent');
    expect(timer('Reset link expires')).toHaveTextContent('6:00:00');
  });
});
