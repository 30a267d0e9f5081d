// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { err, parseFlow, type BackendError } from '../../../src/engine/index.ts';
import { createInvitationRegistry } from '../../../src/registry/index.ts';
import { ErrorMessage } from '../../../src/ui/ErrorMessage.tsx';
import linkExpired from '../../../flows/invite-link-expired.json';
import { createFakeBackend, createUser } from '../../support/createFakeBackend.ts';
import { createTestI18n, renderFlowRunner } from './renderFlowRunner.tsx';

const day = 24 * 3_600_000;
const buttonWords = /try again|continue without/i;

describe('a step the flow routed an error to', () => {
  it('gives advice that points at no Try again or Continue without it, since it has neither', async () => {
    const user = userEvent.setup();
    const parsed = parseFlow(linkExpired, 'flows/invite-link-expired.json');
    if (!parsed.ok) throw new Error('the shipped flow does not parse');
    const sent = Date.now() - 9 * day;
    const { backend } = createFakeBackend({
      user: createUser({ status: 'invited', invitedAt: new Date(sent).toISOString(), lastSentAt: new Date(sent).toISOString(), expiresAt: new Date(sent + 7 * day).toISOString() }),
    });
    backend.resendInvite = async () => err({ kind: 'rate_limited', retryAfterMs: 20 * 60_000 });
    renderFlowRunner({ flow: parsed.flow, backend, registry: createInvitationRegistry(), input: { email: 'ana@example.com' } });

    await user.click(await screen.findByRole('button', { name: 'Send a fresh invitation' }));
    await user.click(await screen.findByRole('button', { name: 'Send the invitation' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Too soon for another resend' })).toBeInTheDocument();
    const error = screen.getByRole('region', { name: 'Too many attempts for now' });
    expect(error).toHaveTextContent(/^Too many attempts for nowThe system allows this again at \d{1,2}:\d{2}(\s?[AP]M)?\.$/);
    expect(error.textContent).not.toMatch(buttonWords);
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Continue without it' })).toBeNull();
  });

  it('says how long ago the latest invitation really went out, not "minutes ago"', async () => {
    const user = userEvent.setup();
    const parsed = parseFlow(linkExpired, 'flows/invite-link-expired.json');
    if (!parsed.ok) throw new Error('the shipped flow does not parse');
    const sent = Date.now() - 9 * day;
    const { backend } = createFakeBackend({ user: createUser({ lastSentAt: new Date(sent).toISOString(), expiresAt: new Date(sent + 7 * day).toISOString() }) });
    backend.resendInvite = async () => err({ kind: 'rate_limited', retryAfterMs: 60_000 });
    renderFlowRunner({ flow: parsed.flow, backend, registry: createInvitationRegistry(), input: { email: 'ana@example.com' } });

    await user.click(await screen.findByRole('button', { name: 'Send a fresh invitation' }));
    await user.click(await screen.findByRole('button', { name: 'Send the invitation' }));
    const main = (await screen.findByRole('heading', { level: 1, name: 'Too soon for another resend' })).closest('.id-step') as HTMLElement;
    // The step's body, not the whole step: the person card beside it dates the invitation
    // relative to now, which may well be "16 minutes ago".
    const body = within(main).getByText(/^The latest invitation went out/);
    expect(body).toHaveTextContent(/^The latest invitation went out 9 days ago,/);
    expect(body.textContent).not.toMatch(/minutes ago/);
  });
});

const everyError: Array<[string, BackendError]> = [
  ['rate_limited', { kind: 'rate_limited', retryAfterMs: 60_000 }],
  ['not_permitted', { kind: 'not_permitted' }],
  ['not_found', { kind: 'not_found' }],
  ['deactivated', { kind: 'deactivated' }],
  ['conflict', { kind: 'conflict' }],
  ['unsupported', { kind: 'unsupported' }],
  ['unavailable (timeout)', { kind: 'unavailable', cause: 'timeout' }],
  ['unavailable (network)', { kind: 'unavailable', cause: 'network' }],
  ['unavailable (server)', { kind: 'unavailable', cause: 'server', status: 503 }],
  ['unavailable (malformed)', { kind: 'unavailable', cause: 'malformed' }],
  ['unavailable (aborted)', { kind: 'unavailable', cause: 'aborted' }],
  ['not_sent (sandbox)', { kind: 'not_sent', reason: 'sandbox_recipient' }],
];

describe('ErrorMessage', () => {
  it.each(everyError)('explains %s without sending the person to buttons the step does not have', (_, error) => {
    render(
      <I18nextProvider i18n={createTestI18n()}>
        <ErrorMessage error={error} at={Date.now()} />
      </I18nextProvider>,
    );
    const region = screen.getByRole('region');
    const advice = within(region).getByText((_, element) => element?.tagName === 'P');
    expect(advice.textContent).toMatch(/\w.*\.$/);
    expect(advice.textContent).not.toMatch(/app\.errors|\{\{/);
    expect(advice.textContent).not.toMatch(buttonWords);
  });

  it("quotes the backend's own message as text beside the explanation", () => {
    render(
      <I18nextProvider i18n={createTestI18n()}>
        <ErrorMessage error={{ kind: 'not_sent', reason: 'mail_not_configured', message: 'SMTP not configured' }} at={Date.now()} />
      </I18nextProvider>,
    );
    const region = screen.getByRole('region', { name: 'The mail did not leave our side' });
    expect(within(region).getByText(/^No outgoing mail server is set up\./)).toBeInTheDocument();
    expect(within(region).getByText('The server said:')).toBeInTheDocument();
    expect(within(region).getByText('SMTP not configured')).toBeInTheDocument();
  });
});
