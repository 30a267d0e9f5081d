import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/launchBrowser.ts';
import { openApp, startWith } from './support/openApp.ts';
import type { Wizard } from './support/Wizard.ts';

/**
 * Issue 12 in the browser: each situation the wizard used to get wrong reaches its own advice in
 * the demo, from the seeded people and the demo bar's "Outgoing mail" setting, with screenshots of
 * the new screens at 1280 and 360 px (in English, and German where the words are new).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The link-expired check, started from its own page with the address typed in. */
async function startLinkCheck(wizard: Wizard, page: Page, email: string, heading = 'Whose invite link says it has expired?'): Promise<void> {
  await wizard.expectStep(heading);
  await page.getByRole('textbox').first().fill(email);
  await page.keyboard.press('Enter');
}

describe('our own sending side', () => {
  it('quinn: the provider refused the send (quota) → "nothing has left our side", a copied link meanwhile, then the fix and who makes it; no spam question, no IT ticket', async () => {
    const { wizard, page, context } = await openApp(browser, 'issue12-quinn');
    await startWith(wizard, 'quinn.quota@example.com');
    await wizard.expectStep('Nothing has left our side');
    expect(await page.getByText(/429/).first().isVisible()).toBe(true);
    await wizard.shotBoth('nothing-left');
    await wizard.press('What now?');
    await wizard.expectStep('Get them in while the sending is fixed?');
    expect(await page.getByRole('heading', { name: /spam|IT team/i }).count()).toBe(0);
    await wizard.shot('link-offer');
    await wizard.choose('No, just tell me what to fix');
    await wizard.expectStep('Fix the sending setup');
    expect(await page.getByRole('heading', { name: /spam|IT team/i }).count()).toBe(0);
    await wizard.shotBoth('fix-sending-setup');
    await context.close();
  });

  it('a resend while mail is not configured (demo bar) → the backend\'s own words beside ours, and the sending-setup route instead of escalation', async () => {
    const { wizard, page, context } = await openApp(browser, 'issue12-not-configured');
    await page.getByLabel('Outgoing mail').selectOption('mail_not_configured');
    await page.getByText('Outgoing mail: Not configured.').waitFor();
    await startWith(wizard, 'cara.expired@example.com');
    await wizard.expectStep('The invitation has expired');
    await wizard.press('Resend the invitation');
    await wizard.confirm('Send a new invitation?', 'Send the invitation');
    await wizard.expectStep('Nothing has left our side');
    expect(await page.getByText(/SMTP/).first().isVisible()).toBe(true);
    await wizard.shotBoth('not-configured');
    await context.close();
  });

  it('rosa: our sending domain fails DMARC → our sending setup, never a ticket for the recipient\'s IT', async () => {
    const { wizard, page, context } = await openApp(browser, 'issue12-rosa');
    await startWith(wizard, 'rosa.dmarc@example.org');
    await wizard.expectStep('The problem is on our sending side');
    expect(await page.getByText(/DMARC/).first().isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Hand this to their IT team' }).count()).toBe(0);
    await wizard.shotBoth('sender-auth');
    await context.close();
  });

  it('hana (German): the suppression is our own list, and the address is confirmed before a forced delivery', async () => {
    const { wizard, page, context } = await openApp(browser, 'issue12-hana-de', { locale: 'de-DE' });
    await wizard.expectStep(/Einladung/);
    await page.getByRole('textbox').first().fill('hana.suppressed@example.com');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await wizard.shotBoth('suppressed-de');
    await context.close();
  });
});

describe('links that break for other reasons', () => {
  it('nils: a security gateway used the link 6 seconds after delivery → scanner advice naming the seconds; a fresh link handed over outside email', async () => {
    const { wizard, page, context } = await openApp(browser, 'issue12-nils', { path: '/flows/invite-link-expired' });
    await startLinkCheck(wizard, page, 'nils@gatekeep.example');
    await wizard.expectStep('A link scanner used up the link');
    expect(await page.getByText(/6 seconds/).first().isVisible()).toBe(true);
    await wizard.shotBoth('scanner');
    await wizard.press('Get them a fresh link');
    await wizard.expectStep('Hand over a fresh link where no scanner opens it');
    await wizard.shot('scanner-fix');
    await context.close();
  });

  it('nils in German: the scanner advice reads naturally with the seconds', async () => {
    const { wizard, page, context } = await openApp(browser, 'issue12-nils-de', { path: '/flows/invite-link-expired', locale: 'de-DE' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('textbox').first().fill('nils@gatekeep.example');
    await page.keyboard.press('Enter');
    await page.getByText(/6 Sekunden/).first().waitFor();
    await wizard.shotBoth('scanner-de');
    await context.close();
  });

  it('olga: opened while signed in as someone else → sign out and open it again', async () => {
    const { wizard, page, context } = await openApp(browser, 'issue12-olga', { path: '/flows/invite-link-expired' });
    await startLinkCheck(wizard, page, 'olga.otheraccount@example.com');
    await wizard.expectStep('They opened it while signed in as someone else');
    await wizard.shotBoth('other-account');
    await context.close();
  });

  it('links pointing at localhost (demo bar) → a configuration fix naming the origin', async () => {
    const { wizard, page, context } = await openApp(browser, 'issue12-localhost', { path: '/flows/invite-link-expired' });
    await page.getByLabel('Outgoing mail').selectOption('localhost');
    await startLinkCheck(wizard, page, 'ana.invited@example.com');
    await wizard.expectStep(/^Invite links point at http:\/\/localhost/);
    await wizard.shotBoth('wrong-host');
    await context.close();
  });

  it('ana: without link events the page\'s words are asked, each with a truthful answer', async () => {
    const { wizard, page, context } = await openApp(browser, 'issue12-ana-link', { path: '/flows/invite-link-expired' });
    await startLinkCheck(wizard, page, 'ana.invited@example.com');
    await wizard.expectStep('What does the page say when they open the link?');
    for (const answer of [/already used/i, /expired/i, /someone else/i, /does not load/i]) {
      expect(await page.getByRole('radio', { name: answer }).count()).toBe(1);
    }
    await wizard.shotBoth('what-page-says');
    await context.close();
  });
});

describe('what the backend already knows, and side effects', () => {
  it('ben: listing answers "others at the same company?", and the resend needs a second, deliberate press that says what will happen', async () => {
    const { wizard, page, context } = await openApp(browser, 'issue12-ben');
    await startWith(wizard, 'ben.recent@example.com');
    await wizard.expectStep('The invitation went out moments ago');
    await wizard.press(/Skip/);
    await wizard.choose(/No/);
    await wizard.expectStep('Ask them to look in junk and spam');
    await wizard.choose(/Not there/);
    await wizard.expectStep('Ask them to search every folder');
    await wizard.choose(/Still not found/);
    await wizard.expectStep('Confirm the address with them');
    expect(await page.getByRole('region', { name: /Other invitations at example\.com/ }).isVisible()).toBe(true);
    await wizard.shotBoth('domain-peers');
    await context.close();
  });

  it('dan: a password reset is confirmed first; "not yet" ends as waiting for the person, with a way back in', async () => {
    const { wizard, page, context } = await openApp(browser, 'issue12-dan');
    await startWith(wizard, 'dan.active@example.com');
    await wizard.choose('They do not remember their password');
    await wizard.expectStep('Send a password reset?');
    expect(await page.getByText(/An email goes to dan\.active@example\.com/).isVisible()).toBe(true);
    await wizard.shotBoth('confirm-reset');
    await page.getByRole('button', { name: 'Send the reset email' }).click();
    await wizard.expectStep('Password reset sent');
    await wizard.press('Continue');
    await wizard.expectStep('Could they set a password?');
    await wizard.choose('Not yet, they will check later');
    await wizard.expectStep(/^Waiting for/);
    await wizard.shotBoth('waiting');
    await context.close();
  });
});
