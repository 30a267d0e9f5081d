// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createActor, waitFor } from 'xstate';
import { compileFlow, toSessionRecord, type BackendError, type FlowRegistry } from '../../../src/engine/index.ts';
import { resumeOrStart } from '../../../src/app/resumeOrStart.ts';
import { createFlow, createTestRegistry } from '../../support/createFlow.ts';
import { createFakeBackend } from '../../support/createFakeBackend.ts';
import { renderFlowRunner } from './renderFlowRunner.tsx';
import { boundBackendMessage, backendMessageLimit } from '../../../src/ui/BackendMessage.tsx';

function registry(): FlowRegistry {
  const base = createTestRegistry();
  return { ...base, actions: { ...base.actions, resendInvite: { ...base.actions.resendInvite!, sideEffect: true } } };
}

const flow = createFlow({
  lookup: { kind: 'action', title: 'flows.notReceived.lookupUser.title', action: 'findUser', next: 'ask', errors: { other: 'gaveUp' } },
  ask: { kind: 'question', title: 'flows.notReceived.resolvedArrived.title', options: [{ id: 'resend', label: 'flows.notReceived.resolvedArrived.title', next: 'resend' }] },
  resend: { kind: 'action', title: 'flows.notReceived.resendInvite.title', action: 'resendInvite', next: 'done', errors: { other: 'gaveUp' } },
  done: { kind: 'outcome', title: 'flows.notReceived.resolvedArrived.title', result: 'resolved' },
  gaveUp: { kind: 'outcome', title: 'flows.notReceived.escalate.title', result: 'escalated' },
});

async function toConfirmation(failures: BackendError[] = []) {
  const user = userEvent.setup();
  const { backend, calls } = createFakeBackend({ failures });
  renderFlowRunner({ flow, backend, registry: registry(), input: { email: 'cara@example.com' } });
  await screen.findByRole('radio');
  await user.click(screen.getByRole('radio'));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  return { user, calls };
}

describe('the confirmation of a side effect', () => {
  it('says what will happen to which address, with the heading focused, and sends only on the second press', async () => {
    const { user, calls } = await toConfirmation();
    const heading = await screen.findByRole('heading', { level: 1, name: 'Send a new invitation?' });
    expect(heading).toHaveFocus();
    expect(screen.getByText('A new invitation email goes to cara@example.com. The link in the earlier email stops working.')).toBeInTheDocument();
    expect(calls).toEqual(['findUser']);
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'The invitation arrived' })).toBeInTheDocument();
    expect(calls).toEqual(['findUser', 'resendInvite']);
  });

  it('says the earlier link keeps working where the backend re-sends the same invitation', async () => {
    const user = userEvent.setup();
    const { backend } = createFakeBackend();
    const keeps = { ...backend, describe: () => ({ identity: 'workos', identityName: 'WorkOS', resend: 'native' as const, resendRotatesLink: false, providerSendsMail: true, deliveryEvidence: [] }) };
    renderFlowRunner({ flow, backend: keeps, registry: registry(), input: { email: 'cara@example.com' } });
    await user.click(await screen.findByRole('radio'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByRole('heading', { level: 1, name: 'Send a new invitation?' });
    expect(screen.getByText('The invitation email goes to cara@example.com again. The link in the earlier email keeps working until the new expiry.')).toBeInTheDocument();
    expect(screen.queryByText(/stops working/)).toBeNull();
  });

  it('goes back to the question on its Back button without sending', async () => {
    const { user, calls } = await toConfirmation();
    await screen.findByRole('heading', { level: 1, name: 'Send a new invitation?' });
    const backs = screen.getAllByRole('button', { name: 'Back' });
    await user.click(backs[backs.length - 1]!);
    expect(await screen.findByRole('radio')).toBeInTheDocument();
    expect(calls).toEqual(['findUser']);
  });
});

describe('a confirmation resumed after its call was under way', () => {
  it('asks again, saying the earlier attempt may have gone through, and sends only on the press', async () => {
    // Saved while the resend was under way and never answered (the network went down, the page reloaded).
    const hanging = createFakeBackend().backend;
    const before = compileFlow(flow, { registry: registry(), backend: { ...hanging, resendInvite: () => new Promise<never>(() => {}) } });
    if (!before.ok) throw new Error('does not compile');
    const actor = createActor(before.compiled.machine, { input: { email: 'cara@example.com' } }).start();
    await waitFor(actor, (snapshot) => snapshot.value === 'ask');
    actor.send({ type: 'answer.select', optionId: 'resend' });
    actor.send({ type: 'action.confirm' });
    const record = JSON.parse(JSON.stringify(toSessionRecord(flow.id, before.compiled.hash, actor.getPersistedSnapshot(), 1))) as unknown;
    actor.stop();

    const { backend, calls } = createFakeBackend();
    const plan = resumeOrStart({ flowId: flow.id, flowHash: before.compiled.hash, sessionId: 's1', stepId: 'resend', record, email: null, machine: before.compiled.machine, createId: () => 'new' });
    renderFlowRunner({ flow, backend, registry: registry(), snapshot: plan.snapshot });
    expect(await screen.findByRole('heading', { level: 1, name: 'Send a new invitation?' })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(/already under way .* may have gone through: before you press again, check whether a new email has arrived/);
    expect(calls).toEqual([]);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'The invitation arrived' })).toBeInTheDocument();
    expect(calls).toEqual(['resendInvite']);
  });

  it('says nothing of the kind on a confirmation reached the ordinary way', async () => {
    await toConfirmation();
    await screen.findByRole('heading', { level: 1, name: 'Send a new invitation?' });
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe("the backend's own message on a failed screen", () => {
  it('explains not_sent by its reason and quotes the server, never as HTML', async () => {
    const user = userEvent.setup();
    const { backend } = createFakeBackend();
    backend.resendInvite = async () => ({ ok: false, error: { kind: 'not_sent', reason: 'mail_not_configured', message: 'SMTP not configured <b>here</b>' } });
    renderFlowRunner({ flow, backend, registry: registry(), input: { email: 'cara@example.com' } });
    await user.click(await screen.findByRole('radio'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'Send the invitation' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'The mail did not leave our side' })).toBeInTheDocument();
    expect(screen.getByText(/^No outgoing mail server is set up\. Nothing was sent\./)).toBeInTheDocument();
    expect(screen.getByText('The server said:')).toBeInTheDocument();
    expect(screen.getByText('SMTP not configured <b>here</b>')).toBeInTheDocument();
    expect(document.querySelector('b')).toBeNull();
  });

  it('bounds a long message and masks a link in it', () => {
    const long = boundBackendMessage(`token at https://app.example.com/invite/SECRET-TOKEN-123 ${'x'.repeat(1000)}`);
    expect(long).toHaveLength(backendMessageLimit);
    expect(long.endsWith('…')).toBe(true);
    expect(long).not.toContain('SECRET-TOKEN-123');
  });
});
