// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { shippedFlow } from '../shippedFlow.ts';
import { findStep, renderAgentCall } from './renderAgentCall.tsx';

/** Step ids as the flow names them (camelCase ones cannot be mistaken for an English word). */
const stepIds = Object.keys(shippedFlow().steps).filter((id) => /[A-Z]/.test(id));

function timelineLines(): string[] {
  const log = screen.getByRole('log', { name: 'Timeline' });
  return within(log)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

describe('the call timeline', () => {
  it('names every step by its title, also the steps before an escalation and a restart, never by id', async () => {
    const user = userEvent.setup();
    renderAgentCall({ email: 'nobody.known@example.com' });
    await findStep(/^Nobody with this address/);
    await user.click(screen.getByRole('heading', { level: 1 }));
    await user.keyboard('ee');
    await findStep(/support/i);
    await user.keyboard('rr');
    await findStep(/^Nobody with this address/);

    const lines = timelineLines();
    expect(lines).toContainEqual(expect.stringContaining('Went straight to “Escalate” from “Nobody with this address has been invited”'));
    expect(lines).toContainEqual(expect.stringContaining('Started again from the beginning'));
    expect(lines.filter((line) => line.includes('Showed “Nobody with this address has been invited”'))).toHaveLength(2);
    expect(lines).toContainEqual(expect.stringContaining('Started looking up the person'));
    expect(lines.filter((line) => new RegExp(`\\b(${stepIds.join('|')})\\b`).test(line))).toEqual([]);
  });
});
