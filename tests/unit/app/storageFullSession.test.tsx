// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryBackend } from '../../../src/adapters/index.ts';
import { sessionRecords } from '../../../src/app/sessionRecords.ts';
import { useStorageHealth } from '../../../src/app/storageHealth.ts';
import { toSessionRecord } from '../../../src/engine/index.ts';
import { createInvitationRegistry } from '../../../src/registry/index.ts';
import { renderFlowRunner } from '../ui/renderFlowRunner.tsx';
import { shippedFlow } from '../ui/shippedFlow.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a full storage during a running session', () => {
  it('loses nothing: every save is refused, the check goes on step by step', async () => {
    useStorageHealth.setState({ full: false, dismissed: false });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const results: string[] = [];
    const user = userEvent.setup();
    renderFlowRunner({
      flow: shippedFlow(),
      backend: createMemoryBackend(undefined, undefined, { latencyMs: 0 }),
      registry: createInvitationRegistry(),
      input: { email: 'ana.invited@example.com' },
      // What FlowPage does on every change.
      onChange: (actor) => results.push(sessionRecords.save('s1', toSessionRecord('invite-not-received', 'h', actor.getPersistedSnapshot(), Date.now()))),
    });
    await screen.findByRole('heading', { level: 1, name: /spam/i });
    await user.click(screen.getByRole('radio', { name: /not/i }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { level: 1, name: /rule|folder|tab/i })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /back/i }));
    expect(await screen.findByRole('heading', { level: 1, name: /spam/i })).toBeInTheDocument();
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results)).toEqual(new Set(['full']));
    expect(useStorageHealth.getState().full).toBe(true);
  });
});
