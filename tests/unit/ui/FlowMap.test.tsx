// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryBackend } from '../../../src/adapters/index.ts';
import { createInvitationRegistry } from '../../../src/registry/index.ts';
import { renderFlowRunner } from './renderFlowRunner.tsx';
import { shippedFlow } from './shippedFlow.ts';

// One render of the shipped flow's map (118 steps) per test keeps the file quick.
async function openMapMidCheck() {
  const user = userEvent.setup();
  const backend = createMemoryBackend(undefined, undefined, { latencyMs: 0 });
  renderFlowRunner({ flow: shippedFlow(), backend, registry: createInvitationRegistry(), input: { email: 'ana.invited@example.com' } });
  await screen.findByRole('heading', { level: 1, name: /spam/i });
  await user.click(screen.getByRole('button', { name: 'Show the map' }));
  const map = await screen.findByRole('application', { name: /^Map of the check/ }, { timeout: 10_000 });
  return { user, map };
}

describe('the flow map', () => {
  it('marks the current step on the picture and in the outline, which lists every step by title with where each answer leads', async () => {
    const { user, map } = await openMapMidCheck();
    // Named with the number of steps, not counting the copies drawn beside steps that lead back to one.
    const steps = Object.keys(shippedFlow().steps).length;
    const picture = within(map).getByRole('img', { name: new RegExp(`^Decision tree with ${steps} steps`) });
    expect(picture.querySelectorAll('[aria-current="step"]')).toHaveLength(1);
    expect(picture).toHaveTextContent('You are here');

    await user.click(screen.getByText('The steps as a list'));
    const outline = screen.getByText('The steps as a list').closest('details') as HTMLElement;
    // Over four hundred list items: found by text, as a role query over all of them takes seconds in jsdom.
    const current = outline.querySelectorAll('[aria-current="step"]');
    expect(current).toHaveLength(1);
    expect(within(outline).getByText('You are here').closest('li')).toBe(current[0]);
    expect(current[0]).toHaveTextContent(/spam/i);
    expect(outline).toHaveTextContent('Looking up ana.invited@example.com');
    expect(outline).toHaveTextContent('visited');
    expect(outline).toHaveTextContent(/“.+” leads to /);
    expect(outline).toHaveTextContent('Automatic check');
    // Titles, never step ids.
    expect(outline).not.toHaveTextContent('checkSpam');
  });

  it('zooms with its buttons and + and −; the arrow keys move between steps and say where they landed', async () => {
    const { user, map } = await openMapMidCheck();
    const scale = () => Number(map.getAttribute('data-scale'));
    const start = scale();
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(scale()).toBeGreaterThan(start);
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(scale()).toBeLessThan(start);
    expect(screen.getByRole('button', { name: 'Fit to screen' })).toBeInTheDocument();

    // Reached by Tab, as the next stop after the map's buttons.
    await user.click(screen.getByRole('button', { name: 'Fit to screen' }));
    await user.tab();
    expect(map).toHaveFocus();
    const before = scale();
    await user.keyboard('+');
    expect(scale()).toBeGreaterThan(before);

    const focusedStep = () => map.querySelector('.id-map-node--focused')?.getAttribute('data-step');
    const live = map.parentElement?.querySelector('[aria-live="polite"]');
    expect(focusedStep()).toBe('checkSpam');
    await user.keyboard('{ArrowUp}');
    expect(focusedStep()).not.toBe('checkSpam');
    expect(live?.textContent).toMatch(/, visited$/);
    await user.keyboard('{ArrowDown}');
    expect(focusedStep()).toBe('checkSpam');
    expect(live?.textContent).toMatch(/spam.*, You are here$/i);
  });
});
