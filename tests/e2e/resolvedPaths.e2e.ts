import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/launchBrowser.ts';
import { openApp, startWith } from './support/openApp.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('an admin resolves an invitation problem', () => {
  it('ana: spam, rules, confirm (listing says nobody else at the domain fails), resend (cooldown over) → resolved; a reload mid-flow keeps the step and the answers', async () => {
    const { wizard, page, context } = await openApp(browser, 'ana');
    await startWith(wizard, 'ana.invited@example.com');
    await wizard.expectStep('Ask them to look in junk and spam');
    await wizard.choose('Not there either');
    await wizard.expectStep('Ask them to search every folder');
    await wizard.choose('Still not found');
    await wizard.expectStep('Confirm the address with them');
    await expect.poll(() => page.getByRole('region', { name: 'Other invitations at example.com' }).isVisible()).toBe(true);
    const url = page.url();
    expect(url).toMatch(/\/flows\/invite-not-received\/steps\/confirmAddress\?session=\w+/);

    await page.reload();
    await wizard.expectStep('Confirm the address with them');
    expect(page.url()).toBe(url);
    await expect.poll(() => page.getByText('Step 3').isVisible()).toBe(true);
    await wizard.press('Back');
    await wizard.expectStep('Ask them to search every folder');
    expect(await page.getByRole('radio', { name: 'Still not found' }).isChecked()).toBe(true);
    await wizard.press('Continue');

    await wizard.expectStep('Confirm the address with them');
    await wizard.choose('The address is right');
    await wizard.confirm('Send a new invitation?', 'Send the invitation');
    await wizard.expectStep('A new invitation is on its way');
    await wizard.press('Continue');
    await wizard.expectStep('Did the new invitation arrive?');
    await wizard.choose('Yes, and it works');
    await wizard.expectStep('The new invitation worked');
    await expect.poll(() => page.getByRole('region', { name: 'Summary' }).getByText(/Done resending the invitation/).isVisible()).toBe(true);
    await wizard.shotBoth('outcome');
    await context.close();
  });

  it('ben: waits for delivery (countdown, skipped), then inside the cooldown copies the link: masked until revealed, copied, never stored', async () => {
    const { wizard, page, context } = await openApp(browser, 'ben');
    await startWith(wizard, 'ben.recent@example.com');
    await wizard.expectStep('The invitation went out moments ago');
    expect(await page.getByRole('timer', { name: 'Time left' }).textContent()).toMatch(/^0[12]:[0-5]\d$/);
    await wizard.shot('wait');
    await wizard.press('Skip the wait');
    await wizard.expectStep('Has the invitation arrived now?');
    await wizard.choose('No, still nothing');
    await wizard.expectStep('Ask them to look in junk and spam');
    await wizard.choose('Not there either');
    await wizard.expectStep('Ask them to search every folder');
    await wizard.choose('Still not found');
    // Listing shows nobody else at the domain failing, so the colleagues question is skipped.
    await wizard.expectStep('Confirm the address with them');
    await wizard.choose('The address is right');
    await wizard.expectStep(/^A resend is possible again at /);
    await wizard.shot('cooldown');
    await wizard.choose('Copy their invite link instead');
    await wizard.expectStep('Before you copy the link');
    await wizard.press('I understand, copy the link');
    await wizard.expectStep('Here is the invite link');

    const shown = page.getByTestId('invite-link');
    expect(await shown.textContent()).toMatch(/^https:\/\/app\.example\.com\/invite\/•+$/);
    await wizard.press('Copy link');
    await page.getByText('Copied').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^https:\/\/app\.example\.com\/invite\/[^•]+$/);
    await wizard.press('Reveal');
    expect(await shown.textContent()).toBe(copied);
    await wizard.shot('link');
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain(copied.split('/').pop());

    // A reload keeps the step but not the secret: the link has to be fetched again.
    await page.reload();
    await wizard.expectStep('Here is the invite link');
    await page.getByText('For safety, the link is not kept when the page reloads.').waitFor();
    await wizard.press('Go back and fetch it again');
    await wizard.expectStep('Before you copy the link');
    await wizard.press('I understand, copy the link');
    await wizard.expectStep('Here is the invite link');
    expect(await shown.textContent()).toMatch(/^https:\/\/app\.example\.com\/invite\/•+$/);

    await wizard.press('Continue');
    await wizard.expectStep('Did the link work?');
    await wizard.choose('Yes, they are in');
    await wizard.expectStep('In through the copied link');
    await wizard.shotBoth('outcome');
    await context.close();
  });

  it('cara, in German (the browser language): the expired invitation is resent', async () => {
    const { wizard, page, context } = await openApp(browser, 'cara-de', { locale: 'de-DE' });
    await wizard.expectStep('Jemand hat die Einladung nicht bekommen?');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await page.getByLabel('E-Mail-Adresse der Person').fill('cara.expired@example.com');
    await wizard.press('Prüfung starten');
    await wizard.expectStep('Die Einladung ist abgelaufen');
    await wizard.shotBoth('expired');
    await wizard.press('Einladung erneut senden');
    await wizard.confirm('Eine neue Einladung senden?', 'Einladung senden');
    await wizard.expectStep('Eine neue Einladung ist unterwegs');
    await wizard.press('Weiter');
    await wizard.expectStep('Ist die neue Einladung angekommen?');
    await wizard.choose('Ja, und sie funktioniert');
    await wizard.expectStep('Die neue Einladung hat funktioniert');
    expect(await page.getByText('Gelöst', { exact: true }).first().isVisible()).toBe(true);
    await wizard.shotBoth('outcome');
    await context.close();
  });

  it('dan: already active, forgot the password → a password reset → resolved', async () => {
    const { wizard, context } = await openApp(browser, 'dan');
    await startWith(wizard, 'dan.active@example.com');
    await wizard.expectStep('dan.active@example.com already has an account');
    await wizard.choose('They do not remember their password');
    await wizard.confirm('Send a password reset?', 'Send the reset email');
    await wizard.expectStep('Password reset sent');
    await wizard.press('Continue');
    await wizard.expectStep('Could they set a password?');
    await wizard.choose('Yes, they are in');
    await wizard.expectStep('Password set');
    await wizard.shot('outcome');
    await context.close();
  });

  it('kim: accepted but never finished setup → a password reset finishes it', async () => {
    const { wizard, context } = await openApp(browser, 'kim');
    await startWith(wizard, 'kim.halfway@example.com');
    await wizard.expectStep('The invitation was accepted, but setup was never finished');
    await wizard.press('Send a password reset');
    await wizard.confirm('Send a password reset?', 'Send the reset email');
    await wizard.expectStep('Password reset sent');
    await wizard.press('Continue');
    await wizard.expectStep('Could they set a password?');
    await wizard.choose('Yes, they are in');
    await wizard.expectStep('Password set');
    await wizard.shot('outcome');
    await context.close();
  });

  it('jo (single sign-on), with the keyboard only: Tab, Space and Enter', async () => {
    const { wizard, page, context } = await openApp(browser, 'jo-keyboard');
    await wizard.expectStep('Someone did not get their invitation?');
    const tabTo = async (matches: string) => {
      for (let presses = 0; presses < 30; presses++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return;
      }
      throw new Error(`Tab never reached ${matches}`);
    };
    await tabTo('#start-email');
    await page.keyboard.type('jo.sso@example.com');
    await page.keyboard.press('Enter');
    await wizard.expectStep('This person signs in with single sign-on');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await tabTo('input[type=radio]');
    await page.keyboard.press('Space');
    expect(await page.getByRole('radio', { name: 'They are in' }).isChecked()).toBe(true);
    await tabTo('button[type=submit]');
    await page.keyboard.press('Enter');
    await wizard.expectStep('Signed in with single sign-on');
    await wizard.shot('outcome');
    await context.close();
  });
});
