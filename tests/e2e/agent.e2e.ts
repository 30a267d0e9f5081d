import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/launchBrowser.ts';
import { openApp } from './support/openApp.ts';
import type { Wizard } from './support/Wizard.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Presses Tab until the focused element matches a CSS selector, or is the button with exactly that text. */
async function tabTo(page: Page, target: string | { button: string }): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate((wanted) => {
      const active = document.activeElement;
      if (!active) return false;
      return typeof wanted === 'string' ? active.matches(wanted) : active.tagName === 'BUTTON' && active.textContent?.trim() === wanted.button;
    }, target);
    if (reached) return;
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

/** Keys one after another, e.g. `keys(page, '2', 'Enter')`. */
async function keys(page: Page, ...presses: string[]): Promise<void> {
  for (const key of presses) await page.keyboard.press(key);
}

/** From the start page, by keyboard: switch agent mode on in the header, type the address, Enter. */
async function startAgentCall(wizard: Wizard, email: string, startTitle = 'Someone did not get their invitation?'): Promise<void> {
  const { page } = wizard;
  await wizard.expectStep(startTitle);
  await tabTo(page, 'input[role=switch]');
  await page.keyboard.press('Space');
  expect(await page.getByRole('switch').isChecked()).toBe(true);
  await tabTo(page, '#start-email');
  await page.keyboard.type(email);
  await page.keyboard.press('Enter');
}

/** The next call from inside a call: C focuses the new-call field. */
async function newCall(page: Page, email: string): Promise<void> {
  await page.keyboard.press('c');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('id-agent-new-call');
  await page.keyboard.type(email);
  await page.keyboard.press('Enter');
}

async function addNote(page: Page, note: string): Promise<void> {
  await page.keyboard.press('n');
  await page.keyboard.type(note);
  await keys(page, 'Enter', 'Escape');
}

const shotsDir = resolve(import.meta.dirname, '../../test-results/e2e');

/** A dialog is fixed to the viewport, so it is shot as the viewport shows it, at the current width and at 360 px. */
async function shotDialog(wizard: Wizard, label: string): Promise<void> {
  const size = wizard.page.viewportSize() ?? { width: 1280, height: 900 };
  await mkdir(shotsDir, { recursive: true });
  for (const viewport of [size, { width: 360, height: 800 }]) {
    await wizard.page.setViewportSize(viewport);
    await wizard.page.screenshot({ path: resolve(shotsDir, `${wizard.name}-${label}-${viewport.width}.png`) });
  }
  await wizard.page.setViewportSize(size);
}

async function timelineText(page: Page): Promise<string> {
  return (await page.getByRole('log', { name: 'Timeline' }).textContent()) ?? '';
}

describe('a support agent on a live call, by keyboard only', () => {
  it('resolves three calls one after another: dan (password reset), ben (wait skipped, cooldown, copied link), gus (corrected address)', async () => {
    const { wizard, page, context } = await openApp(browser, 'agent-calls');
    await startAgentCall(wizard, 'dan.active@example.com');

    await wizard.expectStep('dan.active@example.com already has an account');
    const say = page.getByRole('region', { name: 'Say' });
    expect(await say.textContent()).toContain('You already have an account with us.');
    const facts = page.getByRole('region', { name: 'What the backend reported' });
    expect(await facts.getByText('Active', { exact: true }).isVisible()).toBe(true);
    expect(await page.locator('.id-agent-step .id-radio').first().evaluate((radio) => getComputedStyle(radio, '::after').content)).toMatch(/^counter\(id-agent-option\)/);
    await wizard.shotBoth('question');
    await keys(page, '2', 'Enter');
    // The reset asks first; Enter is its confirm button, the second press.
    await wizard.expectStep('Send a password reset?');
    await page.keyboard.press('Enter');
    await wizard.expectStep('Password reset sent');
    expect(await page.getByRole('timer', { name: 'Reset link expires' }).textContent()).toMatch(/^[56]:\d{2}:\d{2}$/);
    await addNote(page, 'Dan is on a train, reception is patchy');
    await page.keyboard.press('Enter');
    await wizard.expectStep('Could they set a password?');
    await keys(page, '1', 'Enter');
    await wizard.expectStep('Password set');
    expect(await timelineText(page)).toContain('Note: Dan is on a train, reception is patchy');
    await wizard.shot('dan-resolved');

    await newCall(page, 'ben.recent@example.com');
    await wizard.expectStep('The invitation went out moments ago');
    expect(await page.getByRole('timer', { name: 'Delivery wait' }).textContent()).toMatch(/^0[12]:[0-5]\d$/);
    expect(await page.getByRole('timer', { name: 'Resend possible again' }).textContent()).toMatch(/^1[12]:[0-5]\d$/);
    await wizard.shotBoth('wait');
    await page.keyboard.press('Enter');
    await wizard.expectStep('Has the invitation arrived now?');
    await keys(page, '2', 'Enter');
    await wizard.expectStep('Ask them to look in junk and spam');
    await keys(page, '2', 'Enter');
    await wizard.expectStep('Ask them to search every folder');
    await keys(page, '2', 'Enter');
    // Listing shows nobody else at the domain failing, so the colleagues question is skipped.
    await wizard.expectStep('Confirm the address with them');
    await keys(page, '1', 'Enter');
    await wizard.expectStep(/^A resend is possible again at /);
    await keys(page, '1', 'Enter');
    await wizard.expectStep('Before you copy the link');
    await page.keyboard.press('Enter');
    await wizard.expectStep('Here is the invite link');
    await tabTo(page, { button: 'Copy link' });
    await page.keyboard.press('Enter');
    await page.getByText('Copied', { exact: true }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/^https:\/\/app\.example\.com\/invite\/[^•]+$/);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // The packet at any time (S): links stay masked.
    await page.keyboard.press('s');
    const packetDialog = page.getByRole('dialog', { name: 'Escalation packet' });
    await packetDialog.waitFor();
    expect(await packetDialog.getByTestId('packet-markdown').textContent()).not.toContain(link.split('/').pop() as string);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await wizard.expectStep('Did the link work?');
    await keys(page, '1', 'Enter');
    await wizard.expectStep('In through the copied link');

    await newCall(page, 'gus.nomailbox@example.com');
    await wizard.expectStep('That mailbox does not exist');
    expect(await facts.locator('code').first().textContent()).toBe('5.1.1');
    await page.keyboard.press('Enter');
    await wizard.expectStep('What is the right address?');
    await tabTo(page, 'input[type=email]');
    await keys(page, 'Control+A');
    await page.keyboard.type('gus@example.com');
    await page.keyboard.press('Enter');
    await wizard.expectStep('Withdraw the pending invitation?');
    await page.keyboard.press('Enter');
    await wizard.expectStep('Invite gus@example.com?');
    await page.keyboard.press('Enter');
    await wizard.expectStep('Invitation sent to the corrected address');
    await page.keyboard.press('Enter');
    await wizard.expectStep('Did the invitation arrive?');
    await keys(page, '1', 'Enter');
    await wizard.expectStep('Re-invited at the right address');

    const calls = page.getByRole('region', { name: 'Calls' });
    const listed = await calls.getByRole('listitem').allTextContents();
    expect(listed).toEqual([
      expect.stringMatching(/^gus@example\.comResolved.*this call$/),
      expect.stringMatching(/^ben\.recent@example\.comResolved/),
      expect.stringMatching(/^dan\.active@example\.comResolved/),
    ]);
    await wizard.shotBoth('recent-calls');
    await context.close();
    // Three whole calls with axe on every step: longer than one spec's default budget on a busy machine.
  }, 360_000);

  it('ana: a note, a pasted 5.1.1 bounce routes to the bad-mailbox step, then E escalates; the copied and downloaded packet hold the facts', async () => {
    const { wizard, page, context } = await openApp(browser, 'agent-ana');
    await startAgentCall(wizard, 'ana.invited@example.com');
    await wizard.expectStep('Ask them to look in junk and spam');
    await addNote(page, 'Customer calls from her phone, mail open on the laptop');

    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await wizard.axe('shortcuts dialog');
    await shotDialog(wizard, 'shortcuts');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await page.keyboard.press('p');
    const paste = page.getByRole('dialog', { name: 'Paste a delivery error' });
    await paste.waitFor();
    await page.keyboard.type('550 5.1.1 <ana.invited@example.com>: Recipient address rejected: User unknown in local recipient table');
    await wizard.axe('paste dialog');
    await shotDialog(wizard, 'paste');
    await keys(page, 'Control+Enter');
    await wizard.expectStep('That mailbox does not exist');
    const why = page.getByRole('status', { name: 'Pasted delivery error' });
    expect(await why.textContent()).toMatch(/The mailbox does not exist · code 5\.1\.1.*no mailbox with this name/);
    await wizard.shotBoth('pasted');

    // E asks first, as R does; the second E escalates.
    await page.keyboard.press('e');
    await page.getByRole('alert').filter({ hasText: 'Hand this call to support now?' }).waitFor();
    await page.keyboard.press('e');
    await wizard.expectStep('Handed over to support');
    const packet = page.getByRole('region', { name: 'Escalation packet' });
    await packet.waitFor();
    await wizard.shotBoth('escalated');

    await page.keyboard.press('s');
    await page.keyboard.press('Enter');
    await packet.getByText('Copied the Markdown').waitFor();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain('## Invitation not received: ana.invited@example.com');
    expect(markdown).toContain('Flow `invite-not-received` v1.0.0');
    expect(markdown).toContain('Outcome: **escalated**');
    expect(markdown).toContain('| status | invited |');
    expect(markdown).toMatch(/- \S+ findUser: ok \(found: true, status: invited\)/);
    expect(markdown).toMatch(/- \S+ deliveryEvents: ok \(events: \d+/);
    expect(markdown).toMatch(/bad-mailbox → fix-address, code 5\.1\.1/);
    expect(markdown).toMatch(/### Notes\n- \S+ \(“Ask them to look in junk and spam”\): Customer calls from her phone, mail open on the laptop/);
    expect(markdown).not.toMatch(/https?:\/\/\S*invite\/[^•\s]/);

    await tabTo(page, { button: 'Copy JSON' });
    await page.keyboard.press('Enter');
    await packet.getByText('Copied the JSON').waitFor();
    const json = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as Record<string, unknown>;
    expect(json).toMatchObject({
      flow: { id: 'invite-not-received', version: '1.0.0' },
      session: { outcome: 'escalated' },
      user: { email: 'ana.invited@example.com', status: 'invited' },
      delivery: { category: 'bad-mailbox', code: '5.1.1' },
      notes: [{ text: 'Customer calls from her phone, mail open on the laptop' }],
    });

    await tabTo(page, { button: 'Download .md' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^invite-doctor-invite-not-received-\d{12}\.md$/);
    const downloaded = await readFile((await download.path()) as string, 'utf8');
    for (const line of ['## Invitation not received: ana.invited@example.com', 'Flow `invite-not-received` v1.0.0', 'Customer calls from her phone']) expect(downloaded).toContain(line);
    expect(downloaded).not.toMatch(/https?:\/\/\S*invite\/[^•\s]/);

    await tabTo(page, 'input[type=checkbox]:not([role=switch])');
    await page.keyboard.press('Space');
    expect(await packet.getByTestId('packet-markdown').textContent()).toContain('## Invitation not received: a•••@example.com');
    await context.close();
  });

  it('in German (the browser language): the call layout, the say text and the shortcuts, at 1280 and 360 px', async () => {
    const { wizard, page, context } = await openApp(browser, 'agent-de', { locale: 'de-DE' });
    await startAgentCall(wizard, 'dan.active@example.com', 'Jemand hat die Einladung nicht bekommen?');
    await wizard.expectStep('dan.active@example.com hat bereits ein Konto');
    expect(await page.getByRole('region', { name: 'Sagen' }).textContent()).toContain('Sie haben bereits ein Konto bei uns.');
    await wizard.shotBoth('question');
    await keys(page, '2', 'Enter');
    await wizard.expectStep('Passwort zurücksetzen lassen?');
    await page.keyboard.press('Enter');
    await wizard.expectStep('Passwort-Reset gesendet');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Tastenkürzel' }).waitFor();
    await wizard.axe('Tastenkürzel');
    await shotDialog(wizard, 'shortcuts');
    await page.keyboard.press('Escape');
    await keys(page, 'Enter');
    await wizard.expectStep('Konnte die Person ein Passwort festlegen?');
    await keys(page, '1', 'Enter');
    await wizard.expectStep('Passwort festgelegt');
    await wizard.shotBoth('resolved');
    await context.close();
  });

  it('keeps WCAG AA contrast in the dark theme, dialogs included', async () => {
    const { wizard, page, context } = await openApp(browser, 'agent-dark', { colorScheme: 'dark' });
    await startAgentCall(wizard, 'gus.nomailbox@example.com');
    await wizard.expectStep('That mailbox does not exist');
    await page.keyboard.press('s');
    await page.getByRole('dialog', { name: 'Escalation packet' }).waitFor();
    await wizard.axe('packet dialog, dark');
    await shotDialog(wizard, 'packet');
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    await page.getByRole('alert').filter({ hasText: 'Start this call again' }).waitFor();
    await wizard.axe('restart question, dark');
    await wizard.shot('restart');
    await context.close();
  });
});
