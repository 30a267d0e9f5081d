// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import invitations from '../../../../locales/en/invitations.json';
import { createMemoryBackend, demoSeed, type MemoryBackend } from '../../../../src/adapters/index.ts';
import type { AppBackend } from '../../../../src/app/appBackend.ts';
import type { GroupActionRequest } from '../../../../src/app/invitations/GroupActionRequest.ts';
import { allCapabilities, createPolicy, type InvitationBackend } from '../../../../src/engine/index.ts';
import { diagnoseInvitation } from '../../../../src/registry/diagnoseInvitation.ts';
import { causeUrgency } from '../../../../src/registry/groupInvitations.ts';
import type { InvitationCause, InvitationVerdict } from '../../../../src/registry/InvitationVerdict.ts';
import { renderHealthView } from './renderHealthView.tsx';

const now = Date.UTC(2026, 10, 20, 12, 0, 0);
// No pause between keys: the tests type whole addresses.
const user = userEvent.setup({ delay: null });
const causeNames = invitations.invitations.causes as Record<InvitationCause, string>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now });
  // jsdom lays nothing out: give the list's scroll box a height so the virtualiser renders rows.
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(4000);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(40);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function demo(options: Parameters<typeof createMemoryBackend>[2] = {}): MemoryBackend {
  return createMemoryBackend(demoSeed, () => now, { latencyMs: 0, ...options });
}
function appOf(backend: InvitationBackend): AppBackend {
  return { backend, policy: createPolicy(), demo: null };
}

/** What the page should conclude, computed from the backend's own answers, never written down. */
async function expectedVerdicts(backend: MemoryBackend): Promise<Map<string, InvitationVerdict>> {
  const page = await backend.listInvitations({ limit: 200 });
  if (!page.ok) throw new Error('list failed');
  const verdicts = new Map<string, InvitationVerdict>();
  for (const user of page.value.invitations) {
    const delivery = await backend.deliveryEvents(user.email);
    const links = await backend.linkEvents(user.email);
    verdicts.set(user.email, diagnoseInvitation(user, { deliveryEvents: delivery.ok ? delivery.value : [], linkEvents: links.ok ? links.value : [] }, createPolicy(), now));
  }
  return verdicts;
}
function countBy<T>(values: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
const summary = () => screen.findByRole('region', { name: 'Summary' });
const bodyRows = () => within(screen.getByRole('table', { name: 'Invitations' })).getAllByRole('row').slice(1);

describe('the invitation health view', () => {
  it('shows progress in a live region while listing, then the evidence count', async () => {
    const backend = demo();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const evidence = backend.invitationEvidence.bind(backend);
    const slow: InvitationBackend = { ...backend, invitationEvidence: async (emails, options) => (await held, evidence(emails, options)) };
    renderHealthView(appOf(slow));
    const bar = await screen.findByRole('progressbar', { name: 'Loading invitation health' });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Gathering what the mail system reported: 0 of \d+ addresses/));
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    release();
    expect(await summary()).toBeInTheDocument();
  });

  it('says why nothing can be shown when the backend cannot list invitations', async () => {
    renderHealthView(appOf(demo({ capabilities: allCapabilities.filter((capability) => capability !== 'listInvitations') })));
    expect(await screen.findByRole('heading', { name: 'Invitation health cannot be shown here' })).toBeInTheDocument();
    expect(screen.getByText('Missing operation: listInvitations')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('reports a failed load with what happened, and Try again loads it', async () => {
    const backend = demo();
    backend.injectFault('listInvitations', { kind: 'unavailable', cause: 'network' });
    renderHealthView(appOf(backend));
    const alert = await screen.findByRole('alert');
    // The focus moves in an effect after the alert has rendered.
    await waitFor(() => expect(within(alert).getByRole('heading', { name: 'The invitations could not be loaded' })).toHaveFocus());
    expect(alert).toHaveTextContent('The service could not be reached');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await summary()).toBeInTheDocument();
  });

  it('waits out one rate limit by itself, and reports a second one', async () => {
    const once = demo();
    once.injectFault('invitationEvidence', { kind: 'rate_limited', retryAfterMs: 5 });
    const first = renderHealthView(appOf(once));
    expect(await summary()).toBeInTheDocument();
    first.unmount();
    const twice = demo();
    twice.injectFault('invitationEvidence', { kind: 'rate_limited', retryAfterMs: 5 }, 2);
    renderHealthView(appOf(twice));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts for now');
  });

  it('counts every invitation and groups them by cause as the verdicts say', async () => {
    const backend = demo();
    const verdicts = await expectedVerdicts(backend);
    renderHealthView(appOf(backend));
    const totals = await summary();
    expect(within(totals).getByText('Invitations').nextSibling).toHaveTextContent(String(verdicts.size));
    expect(within(totals).getByText('Need action').nextSibling).toHaveTextContent(String([...verdicts.values()].filter((verdict) => verdict.needsAction).length));
    const groups = within(screen.getByRole('region', { name: 'By cause' })).getAllByRole('listitem');
    const counts = countBy([...verdicts.values()].map((verdict) => verdict.cause));
    expect(groups.map((group) => within(group).getByRole('heading').textContent)).toEqual(expect.arrayContaining([...counts.keys()].map((cause) => causeNames[cause])));
    expect(groups).toHaveLength(counts.size);
    for (const [cause, count] of counts) {
      const group = groups.find((item) => within(item).getByRole('heading').textContent === causeNames[cause]) as HTMLElement;
      expect(group).toHaveTextContent(count === 1 ? '1 invitation' : `${count} invitations`);
    }
    // Most urgent first.
    const shownOrder = groups.map((group) => causeUrgency.findIndex((cause) => causeNames[cause] === within(group).getByRole('heading').textContent));
    expect(shownOrder).toEqual([...shownOrder].sort((a, b) => a - b));
  });

  it('filters by cause, searches and sorts the list', async () => {
    const backend = demo();
    const verdicts = await expectedVerdicts(backend);
    renderHealthView(appOf(backend));
    await summary();
    await waitFor(() => expect(bodyRows()).toHaveLength(verdicts.size));
    const [cause] = [...countBy([...verdicts.values()].map((verdict) => verdict.cause))].sort((a, b) => b[1] - a[1])[0] ?? [];
    await user.selectOptions(screen.getByRole('combobox', { name: 'Cause' }), causeNames[cause as InvitationCause]);
    const ofCause = [...verdicts].filter(([, verdict]) => verdict.cause === cause).map(([email]) => email);
    expect(bodyRows().map((row) => within(row).getAllByRole('cell')[0]?.querySelector('button')?.textContent)).toEqual(expect.arrayContaining(ofCause));
    expect(bodyRows()).toHaveLength(ofCause.length);
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    const target = [...verdicts.keys()][3] as string;
    // One paste, not a keystroke each: every key would filter and render the whole view again.
    await user.click(screen.getByRole('searchbox', { name: 'Search' }));
    await user.paste(target.slice(0, target.indexOf('@')));
    expect(bodyRows().some((row) => row.textContent?.includes(target))).toBe(true);
    expect(bodyRows().length).toBeLessThan(verdicts.size);
    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Address');
    const addresses = bodyRows().map((row) => row.querySelector('button')?.textContent ?? '');
    expect(addresses).toEqual([...verdicts.keys()].sort());
    expect(screen.getByRole('table', { name: 'Invitations' })).toHaveAttribute('aria-rowcount', String(verdicts.size + 1));
  });

  it('opens the wizard for the person whose row is chosen', async () => {
    const backend = demo();
    renderHealthView(appOf(backend));
    await summary();
    const first = bodyRows()[0] as HTMLElement;
    const email = first.querySelector('button')?.textContent ?? '';
    await user.click(within(first).getByRole('button', { name: `Open the wizard for ${email}` }));
    expect(await screen.findByText(`wizard for ${email}`)).toBeInTheDocument();
  });

  it('asks for a group action with exactly the rows of that group', async () => {
    const backend = demo();
    const verdicts = await expectedVerdicts(backend);
    const requests: GroupActionRequest[] = [];
    renderHealthView(appOf(backend), (request) => requests.push(request));
    await summary();
    const withAction = [...verdicts].find(([, verdict]) => verdict.remedy === 'resend' || verdict.remedy === 'cancel' || verdict.remedy === 'itTicket');
    if (!withAction) throw new Error('the demo seed has no row a group action fixes');
    const [, { cause, remedy }] = withAction;
    const group = within(screen.getByRole('region', { name: 'By cause' }))
      .getAllByRole('listitem')
      .find((item) => within(item).getByRole('heading').textContent === causeNames[cause]) as HTMLElement;
    const buttonName = { resend: /^Resend all/, cancel: /^Cancel (stale|undeliverable)/, itTicket: /^IT ticket per domain/ }[remedy as 'resend'];
    await user.click(within(group).getByRole('button', { name: buttonName }));
    const expected = [...verdicts].filter(([, verdict]) => verdict.cause === cause && verdict.remedy === remedy).map(([email]) => email);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.action).toBe(remedy);
    expect(requests[0]?.rows.map((row) => row.user.email).sort()).toEqual(expected.sort());
    expect(requests[0]?.label).toBe(`${causeNames[cause]} · ${expected.length}`);
  });

  it('offers to fix a typo on a row whose address looks mistyped, for that row alone', async () => {
    const backend = demo();
    const verdicts = await expectedVerdicts(backend);
    const [email, verdict] = [...verdicts].find(([, found]) => found.suggestion !== null) ?? [];
    if (!email || !verdict?.suggestion) throw new Error('the demo seed has no mistyped address');
    const requests: GroupActionRequest[] = [];
    renderHealthView(appOf(backend), (request) => requests.push(request));
    await summary();
    const row = bodyRows().find((item) => item.querySelector('button')?.textContent === email) as HTMLElement;
    await user.click(within(row).getByRole('button', { name: `Fix typo: ${verdict.suggestion}` }));
    expect(requests.map((request) => [request.action, request.rows.map((item) => item.user.email)])).toEqual([['fixTypo', [email]]]);
  });

  it('moves the focus to the count of shown rows when a group is shown', async () => {
    renderHealthView(appOf(demo()));
    await summary();
    const group = within(screen.getByRole('region', { name: 'By cause' })).getAllByRole('listitem')[0] as HTMLElement;
    await user.click(within(group).getByRole('button', { name: /^Show / }));
    await waitFor(() => expect(screen.getByText(/^Showing \d+ of \d+ invitations\.$/)).toHaveFocus());
  });

  it('gathers the evidence address by address where the backend has no batch call', async () => {
    const backend = demo({ capabilities: allCapabilities.filter((capability) => capability !== 'invitationEvidence') });
    const deliveryEvents = vi.spyOn(backend, 'deliveryEvents');
    const verdicts = await expectedVerdicts(backend);
    deliveryEvents.mockClear();
    renderHealthView(appOf(backend));
    await summary();
    expect(deliveryEvents).toHaveBeenCalledTimes(verdicts.size);
    const groups = within(screen.getByRole('region', { name: 'By cause' })).getAllByRole('listitem');
    expect(groups).toHaveLength(countBy([...verdicts.values()].map((verdict) => verdict.cause)).size);
  });
});
