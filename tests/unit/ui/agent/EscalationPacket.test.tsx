// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { findStep, renderAgentCall } from './renderAgentCall.tsx';

afterEach(() => vi.restoreAllMocks());

/**
 * Ben's invitation is minutes old: skip the wait, rule out spam and rules (listing shows nobody else
 * at example.com failing, so the colleagues question is skipped), then copy the link inside the cooldown.
 */
async function benWithRevealedLink() {
  const user = userEvent.setup();
  renderAgentCall({ email: 'ben.recent@example.com' });
  await findStep('The invitation went out moments ago');
  await user.keyboard('{Enter}');
  await findStep('Has the invitation arrived now?');
  await user.keyboard('2{Enter}');
  await findStep('Ask them to look in junk and spam');
  await user.keyboard('2{Enter}');
  await findStep('Ask them to search every folder');
  await user.keyboard('2{Enter}');
  await findStep('Confirm the address with them');
  await user.keyboard('1{Enter}');
  await findStep(/^A resend is possible again at /);
  await user.keyboard('1{Enter}');
  await findStep('Before you copy the link');
  await user.keyboard('{Enter}');
  await findStep('Here is the invite link');
  await user.click(screen.getByRole('button', { name: 'Reveal' }));
  const link = screen.getByTestId('invite-link').textContent ?? '';
  expect(link).toMatch(/^https:\/\/app\.example\.com\/invite\/[^•]+$/);
  return { user, link, token: link.split('/').pop() as string };
}

async function openPacket(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('heading', { level: 1 }));
  await user.keyboard('s');
  return screen.getByRole('dialog', { name: 'Escalation packet' });
}

describe('the escalation packet', () => {
  it('holds the user, status, what was tried, the notes and the flow id and version, and never the revealed link', async () => {
    const { user, link, token } = await benWithRevealedLink();
    await user.keyboard('n');
    // Pasted, not typed key by key: the note is the same, and 80 keystrokes re-rendered the call view 80 times (7 s of npm test).
    await user.paste(`Sent them ${link} in the chat`);
    await user.keyboard('{Enter}{Escape}');

    const dialog = await openPacket(user);
    const markdown = within(dialog).getByTestId('packet-markdown').textContent ?? '';
    expect(markdown).toContain('## Invitation not received: ben.recent@example.com');
    expect(markdown).toContain('| status | invited |');
    expect(markdown).toContain('Flow `invite-not-received` v1.0.0');
    expect(markdown).toMatch(/### What was tried\n- \S+ findUser: ok \(found: true, status: invited\)/);
    expect(markdown).toMatch(/- \S+ getInviteLink: ok \(link: copied \(hidden\)/);
    expect(markdown).toMatch(/### Notes\n- \S+ \(“Here is the invite link”\): Sent them https:\/\/app\.example\.com\/••• in the chat/);
    // Steps and answers by their titles and labels, as the timeline names them, never by id.
    expect(markdown).toMatch(/### Answers\n- \S+ “Has the invitation arrived now\?”: No, still nothing\n/);
    expect(markdown).toMatch(/\(last step “Here is the invite link”\)/);
    expect(markdown).not.toMatch(/linkReady|arrivedAfterWait|notThere/);
    const json = within(dialog).getByTestId('packet-json').textContent ?? '';
    expect(JSON.parse(json)).toMatchObject({ flow: { id: 'invite-not-received', version: '1.0.0' }, user: { email: 'ben.recent@example.com', status: 'invited' } });
    for (const text of [markdown, json]) {
      expect(text).not.toContain(link);
      expect(text).not.toContain(token);
    }
  });

  it('redacts the address everywhere when asked', async () => {
    const user = userEvent.setup();
    renderAgentCall({ email: 'ana.invited@example.com' });
    await findStep('Ask them to look in junk and spam');
    await user.keyboard('n');
    await user.keyboard('Called from ana.invited@example.com{Enter}{Escape}');
    const dialog = await openPacket(user);
    const preview = within(dialog).getByTestId('packet-markdown');
    expect(preview.textContent).toContain('ana.invited@example.com');

    await user.click(within(dialog).getByRole('checkbox', { name: 'Redact the address' }));
    expect(preview.textContent).not.toContain('ana.invited@example.com');
    expect(preview.textContent).toContain('## Invitation not received: a•••@example.com');
    expect(preview.textContent).toContain('Called from a•••@example.com');
    expect(within(dialog).getByTestId('packet-json').textContent).not.toContain('ana.invited@example.com');
  });

  it('copies the Markdown and the JSON with a visible confirmation, and says what to do when the clipboard is refused', async () => {
    const user = userEvent.setup();
    renderAgentCall({ email: 'ana.invited@example.com' });
    await findStep('Ask them to look in junk and spam');
    const dialog = await openPacket(user);

    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Copied the Markdown');
    expect(await navigator.clipboard.readText()).toBe(within(dialog).getByTestId('packet-markdown').textContent);

    await user.click(within(dialog).getByRole('button', { name: 'Copy JSON' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent('Copied the JSON');
    expect(JSON.parse(await navigator.clipboard.readText())).toMatchObject({ user: { email: 'ana.invited@example.com' } });

    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Denied', 'NotAllowedError'));
    await user.click(within(dialog).getByRole('button', { name: 'Copy Markdown' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent('The browser refused the clipboard');
    expect(window.getSelection()?.toString()).toContain('## Invitation not received');
  });

  it('downloads .md and .json through an object URL with a file name, and revokes the URL afterwards', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return `blob:packet-${created.length}`;
    });
    const revokeObjectURL = vi.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: Array<{ download: string; href: string }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.getAttribute('href') ?? '' });
    });

    const user = userEvent.setup();
    renderAgentCall({ email: 'ana.invited@example.com' });
    await findStep('Ask them to look in junk and spam');
    const dialog = await openPacket(user);
    await user.click(within(dialog).getByRole('button', { name: 'Download .md' }));
    await user.click(within(dialog).getByRole('button', { name: 'Download .json' }));

    expect(clicked).toEqual([
      { download: expect.stringMatching(/^invite-doctor-invite-not-received-\d{12}\.md$/), href: 'blob:packet-1' },
      { download: expect.stringMatching(/^invite-doctor-invite-not-received-\d{12}\.json$/), href: 'blob:packet-2' },
    ]);
    expect(await created[0]?.text()).toContain('## Invitation not received: ana.invited@example.com');
    expect(JSON.parse((await created[1]?.text()) ?? '')).toMatchObject({ flow: { id: 'invite-not-received' } });
    expect(document.querySelector('a[download]')).toBeNull();
    await vi.waitFor(() => expect(revokeObjectURL.mock.calls).toEqual([['blob:packet-1'], ['blob:packet-2']]), { timeout: 3_000 });
  });
});
