// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createMemoryBackend, type MemoryBackend, type MemorySeedFactory } from '../../../../src/adapters/index.ts';
import { createPolicy, type InvitedUser } from '../../../../src/engine/index.ts';
import type { DiagnosedInvitation } from '../../../../src/registry/InvitationVerdict.ts';
import { createI18n } from '../../../../src/app/createI18n.ts';
import type { GroupActionRequest } from '../../../../src/app/invitations/GroupActionRequest.ts';
import { GroupActionPanel } from '../../../../src/app/invitations/groupActions/GroupActionPanel.tsx';
import type { GroupJob } from '../../../../src/app/invitations/groupActions/GroupJob.ts';
import type { GroupJobStorage } from '../../../../src/app/invitations/groupActions/groupJobStorage.ts';
import { planGroupJob } from '../../../../src/app/invitations/groupActions/planGroupJob.ts';
import app from '../../../../locales/en/app.json';
import groupActions from '../../../../locales/en/groupActions.json';

afterEach(() => cleanup());

const day = 86_400_000;
const policy = createPolicy();

function invited(id: string, email: string, sentAgoMs: number, now: number): InvitedUser {
  const sent = new Date(now - sentAgoMs).toISOString();
  return { id, email, status: 'invited', invitedAt: sent, lastSentAt: sent, expiresAt: new Date(now - sentAgoMs + policy.inviteExpiryMs).toISOString(), acceptedAt: null, setupCompleted: false, sso: false, team: 'sales' };
}

const seed: MemorySeedFactory = (now) => ({
  users: [invited('u1', 'ada@example.com', 10 * day, now), invited('u2', 'bo@example.com', 10 * day, now), invited('fresh', 'cy@example.com', 60_000, now)],
  events: [],
  suppressed: [],
  mail: { noMxDomains: [], unknownMailboxes: [], blockingDomains: ['strict.example'], deferringDomains: [] },
  defaultTeam: 'sales',
});

function row(user: InvitedUser): DiagnosedInvitation {
  return { user, domain: user.email.split('@')[1] ?? '', verdict: { cause: 'expired', needsAction: true, since: null, days: null, delivery: null, suggestion: null, remedy: 'resend' } };
}

function memoryStorage(initial: GroupJob | null = null): GroupJobStorage & { value: GroupJob | null } {
  const box = { value: initial, read: () => box.value, write: (job: GroupJob) => void (box.value = job), clear: () => void (box.value = null) };
  return box;
}

async function setup(request: GroupActionRequest | null, storage = memoryStorage()) {
  const backend = createMemoryBackend(seed, undefined, { latencyMs: 0 });
  const page = await backend.listInvitations({});
  const rows = page.ok ? page.value.invitations.map(row) : [];
  const i18n = createI18n({ lng: 'en', resources: { en: { app, groupActions } } });
  const onChanged = vi.fn();
  const onClose = vi.fn();
  const view = (value: GroupActionRequest | null) => (
    <I18nextProvider i18n={i18n}>
      <button type="button">Resend the expired</button>
      <GroupActionPanel app={{ backend, policy, demo: backend }} request={value} onChanged={onChanged} onClose={onClose} storage={storage} />
    </I18nextProvider>
  );
  const rendered = render(view(request ? { ...request, rows: request.rows.length ? request.rows : rows } : null));
  return { backend, rows, storage, onChanged, onClose, rerender: (value: GroupActionRequest | null) => rendered.rerender(view(value)) };
}

async function sentCount(backend: MemoryBackend, email: string) {
  const events = await backend.deliveryEvents(email);
  return events.ok ? events.value.filter((event) => event.kind === 'sent').length : Number.NaN;
}

describe('GroupActionPanel', () => {
  it('previews who gets an email and who is left out, and sends nothing before the confirmation', async () => {
    const { backend } = await setup({ action: 'resend', rows: [], label: 'Expired · 3' });
    const dialog = screen.getByRole('dialog', { name: 'Resend invitations' });
    expect(within(dialog).getByRole('heading', { name: 'Resend invitations' })).toBe(document.activeElement);
    expect(within(dialog).getByText('2 people will get a new invitation email, one each.')).toBeTruthy();
    const sending = within(dialog).getByRole('list', { name: 'Who is affected' });
    expect(within(sending).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['ada@example.com', 'bo@example.com']);
    expect(within(dialog).getByRole('list', { name: 'Left out: 1 invitation' }).textContent).toMatch(/cy@example.com: An invitation went out a short while ago/);
    expect(within(dialog).getByRole('button', { name: 'Resend 2 invitations' })).toBeTruthy();
    expect(await sentCount(backend, 'ada@example.com')).toBe(0);
  });

  it('runs after the confirmation with a progress bar, then sums up, and Done reloads and closes', async () => {
    const user = userEvent.setup();
    const { backend, onChanged, onClose, storage } = await setup({ action: 'resend', rows: [], label: 'Expired · 3' });
    backend.injectFault('resendInvite', { kind: 'rate_limited', retryAfterMs: 150 });
    await user.click(screen.getByRole('button', { name: 'Resend 2 invitations' }));
    expect(screen.getByRole('progressbar', { name: 'Progress of the group action' })).toBeTruthy();
    expect(await screen.findByText('Waiting 1 s because the mail system asked us to slow down.', { selector: '[role=status]' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stop after the current one' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    const finished = await screen.findByRole('heading', { name: 'Finished' }, { timeout: 1_500 });
    expect(finished).toBe(document.activeElement);
    expect(screen.getByText('2 invitations resent.')).toBeTruthy();
    expect(screen.getByText('1 left out, as the preview said.')).toBeTruthy();
    expect(storage.value).toBeNull();
    expect([await sentCount(backend, 'ada@example.com'), await sentCount(backend, 'bo@example.com'), await sentCount(backend, 'cy@example.com')]).toEqual([1, 1, 0]);
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onChanged).toHaveBeenCalledOnce();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('lists each failure with why in the summary', async () => {
    const user = userEvent.setup();
    const { backend } = await setup({ action: 'cancel', rows: [], label: 'Stale' });
    backend.injectFault('cancelInvite', { kind: 'not_permitted' });
    await user.click(screen.getByRole('button', { name: 'Cancel 3 invitations' }));
    const failures = await screen.findByRole('list', { name: '1 could not be done:' }, { timeout: 1_500 });
    expect(failures.textContent).toContain('ada@example.com: Your role does not allow this.');
    expect(screen.getByText('2 invitations cancelled.')).toBeTruthy();
  });

  it('offers an interrupted job for resuming, and resuming sends nothing twice', async () => {
    const storage = memoryStorage();
    const probe = await setup(null, storage);
    // The page died while ada's resend was under way; the backend did send it.
    const job = planGroupJob('resend', probe.rows, 'Expired · 3', policy, Date.now());
    const startedAt = Date.now() - 1_000;
    await probe.backend.resendInvite('u1');
    storage.value = { ...job, startedAt, items: job.items.map((item) => (item.userId === 'u1' ? { ...item, state: 'in_flight', attempts: 1 } : item)) };
    cleanup();
    const user = userEvent.setup();
    const { backend } = { backend: probe.backend };
    const i18n = createI18n({ lng: 'en', resources: { en: { app, groupActions } } });
    render(
      <I18nextProvider i18n={i18n}>
        <GroupActionPanel app={{ backend, policy, demo: backend }} request={null} onChanged={() => {}} onClose={() => {}} storage={storage} />
      </I18nextProvider>,
    );
    const dialog = screen.getByRole('dialog', { name: 'A group action was interrupted' });
    expect(within(dialog).getByText(/Expired · 3: 0 of 2 done/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Resume' }));
    await screen.findByRole('heading', { name: 'Finished' }, { timeout: 1_500 });
    expect([await sentCount(backend, 'ada@example.com'), await sentCount(backend, 'bo@example.com')]).toEqual([1, 1]);
  });

  it('forgets an interrupted job when it is discarded', async () => {
    const storage = memoryStorage(planGroupJob('cancel', [], 'Stale', policy, 0));
    storage.value?.items.push({ userId: 'u1', email: 'ada@example.com', team: 'sales', lastSentAt: null, state: 'pending', attempts: 0 });
    const user = userEvent.setup();
    await setup(null, storage);
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(storage.value).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('writes one IT ticket per blocked domain with every address, and calls nothing', async () => {
    const now = Date.now();
    const blocked = (id: string, email: string): DiagnosedInvitation => ({
      ...row(invited(id, email, day, now)),
      verdict: { cause: 'blocked_by_filter', needsAction: true, since: null, days: 1, suggestion: null, remedy: 'itTicket', delivery: { action: 'it', category: 'policy', code: '5.7.1', adviceKey: 'x', raw: '550 5.7.1 Message rejected by policy', at: new Date(now).toISOString() } },
    });
    await setup({ action: 'itTicket', label: 'Blocked', rows: [blocked('a', 'a@strict.example'), blocked('b', 'b@strict.example'), blocked('c', 'c@other.example')] });
    const strict = screen.getByRole('region', { name: 'strict.example · 2 addresses' });
    const ticket = within(strict).getByText(/Subject: Please allow invitation emails/);
    expect(ticket.textContent).toContain('- a@strict.example: code 5.7.1');
    expect(ticket.textContent).toContain('- b@strict.example: code 5.7.1');
    expect(ticket.textContent).toContain('550 5.7.1 Message rejected by policy');
    expect(ticket.textContent).not.toContain('c@other.example');
    expect(within(strict).getByRole('button', { name: 'Copy the ticket for strict.example' })).toBeTruthy();
    expect(within(strict).getByRole('button', { name: 'Download the ticket for strict.example (.txt)' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'other.example · 1 address' })).toBeTruthy();
  });

  it('offers an interrupted job before a newly asked one, so a new job never overwrites it unseen', async () => {
    const storage = memoryStorage(planGroupJob('cancel', [], 'Stale', policy, 0));
    storage.value?.items.push({ userId: 'u1', email: 'ada@example.com', team: 'sales', lastSentAt: null, state: 'pending', attempts: 0 });
    const user = userEvent.setup();
    await setup({ action: 'resend', rows: [], label: 'Expired' }, storage);
    expect(screen.getByRole('dialog', { name: 'A group action was interrupted' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.getByRole('dialog', { name: 'Resend invitations' })).toBeTruthy();
  });

  it('closes on Esc before anything runs and gives focus back', async () => {
    const user = userEvent.setup();
    const trigger = { action: 'resend', rows: [], label: 'Expired' } as GroupActionRequest;
    const { onClose, rerender } = await setup(null);
    screen.getByRole('button', { name: 'Resend the expired' }).focus();
    rerender({ ...trigger, rows: [] });
    expect(screen.getByRole('heading', { name: 'Resend invitations' })).toBe(document.activeElement);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
    rerender(null);
    expect(screen.getByRole('button', { name: 'Resend the expired' })).toBe(document.activeElement);
  });
});
