import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/launchBrowser.ts';
import { openApp, startWith } from './support/openApp.ts';
import { createAppText } from './gates/support/createAppText.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('an admin meets an invitation problem that needs more than a resend', () => {
  it('eve: the account is deactivated → not resolved, no resend offered', async () => {
    const { wizard, page, context } = await openApp(browser, 'eve');
    await startWith(wizard, 'eve.deactivated@example.com');
    await wizard.expectStep('This account is deactivated');
    expect(await page.getByText('Not resolved yet', { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /resend/i }).count()).toBe(0);
    await wizard.shot('outcome');
    await context.close();
  });

  it('finn: the domain has no mail server → the typo fix is offered as a button → cancelled and re-invited', async () => {
    const { wizard, page, context } = await openApp(browser, 'finn');
    await startWith(wizard, 'finn@exampel.com');
    await wizard.expectStep('The email domain does not accept mail');
    const finding = page.getByRole('region', { name: 'What the mail system reported' });
    expect(await finding.getByText('The domain does not accept mail').isVisible()).toBe(true);
    expect(await finding.locator('pre').textContent()).toMatch(/exampel\.com/);
    await wizard.shot('finding');
    await wizard.press('Correct the address');
    await wizard.expectStep('What is the right address?');
    await wizard.press('Did you mean finn@example.com?');
    expect(await page.getByLabel('The correct email address').inputValue()).toBe('finn@example.com');
    await wizard.press('Continue');
    await wizard.confirm('Withdraw the pending invitation?', 'Withdraw the invitation');
    await wizard.confirm('Invite finn@example.com?', 'Send the invitation');
    await wizard.expectStep('Invitation sent to the corrected address');
    await wizard.press('Continue');
    await wizard.choose('Yes, they got in');
    await wizard.expectStep('Re-invited at the right address');
    await wizard.shot('outcome');
    await context.close();
  });

  it('gus: the mailbox does not exist (5.1.1) → a corrected address is typed and re-invited', async () => {
    const { wizard, page, context } = await openApp(browser, 'gus');
    await startWith(wizard, 'gus.nomailbox@example.com');
    await wizard.expectStep('That mailbox does not exist');
    expect(await page.getByRole('region', { name: 'What the mail system reported' }).locator('code').textContent()).toBe('5.1.1');
    await wizard.press('Correct the address');
    await wizard.expectStep('What is the right address?');
    await page.getByLabel('The correct email address').fill('gus@example.com');
    await page.keyboard.press('Enter');
    await wizard.confirm('Withdraw the pending invitation?', 'Withdraw the invitation');
    await wizard.confirm('Invite gus@example.com?', 'Send the invitation');
    await wizard.expectStep('Invitation sent to the corrected address');
    await wizard.press('Continue');
    await wizard.choose('Yes, they got in');
    await wizard.expectStep('Re-invited at the right address');
    await wizard.shot('outcome');
    await context.close();
  });

  it('hana: suppressed after an earlier bounce → forced resend; the resend first times out (?fault=) and works on Retry', async () => {
    const { wizard, page, context } = await openApp(browser, 'hana', { path: '/?fault=resendInvite:unavailable:timeout' });
    await startWith(wizard, 'hana.suppressed@example.com');
    await wizard.expectStep('Their mail provider stopped accepting our mail earlier');
    await wizard.press('Force a new delivery');
    await wizard.expectStep('Is hana.suppressed@example.com exactly right?');
    await wizard.choose('Yes, exactly right');
    await wizard.confirm('Lift the block on hana.suppressed@example.com?', 'Lift the block');
    await wizard.confirm('Send a new invitation?', 'Send the invitation');
    await wizard.expectStep('The service took too long to answer');
    expect(await page.getByText('Resending the invitation', { exact: true }).isVisible()).toBe(true);
    await wizard.shotBoth('error');
    await wizard.press('Try again');
    await wizard.expectStep('A new invitation is on its way');
    await wizard.press('Continue');
    await wizard.expectStep('Did the new invitation arrive?');
    await wizard.choose('Yes, and it works');
    await wizard.expectStep('The new invitation worked');
    const history = await page.getByRole('region', { name: 'Summary' }).getByRole('listitem').allTextContents();
    expect(history.some((line) => /Failed resending the invitation: The service took too long to answer/.test(line))).toBe(true);
    await wizard.shot('outcome');
    await context.close();
  });

  it('ivan@corp.example: blocked by the company filter (5.7.1) → a copyable ticket for their IT team', async () => {
    const { wizard, page, context } = await openApp(browser, 'ivan');
    await startWith(wizard, 'ivan@corp.example');
    await wizard.expectStep("Their company's mail filter refused the invitation");
    await wizard.press('Show the IT ticket text');
    await wizard.expectStep('Hand this to their IT team');
    const ticket = page.getByRole('region', { name: 'Text for their IT team' });
    const text = (await ticket.locator('pre').textContent()) ?? '';
    expect(text).toContain('invitations@app.example.com');
    expect(text).toContain('ivan@corp.example');
    expect(text).toContain('Affected domain: corp.example');
    expect(text).toMatch(/Error code: 5\.7\.1/);
    await wizard.press('Copy the ticket text');
    await page.getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await wizard.choose('Waiting for IT');
    await wizard.expectStep('Waiting for their IT team');
    await wizard.shotBoth('outcome');
    await context.close();
  });

  it('lee@gmial.com: the start page suggests gmail.com; kept as typed, the flow suspects the typo and re-invites the right address', async () => {
    const { wizard, page, context } = await openApp(browser, 'lee');
    await wizard.expectStep('Someone did not get their invitation?');
    await page.getByLabel('Their email address').fill('lee@gmial.com');
    await page.getByRole('button', { name: 'Did you mean lee@gmail.com?' }).waitFor();
    await wizard.shot('start-suggestion');
    await wizard.press('Start the check');
    await wizard.expectStep('Is lee@gmial.com really their address?');
    await wizard.choose('No, it should be lee@gmail.com');
    await wizard.expectStep('What is the right address?');
    await wizard.press('Did you mean lee@gmail.com?');
    await wizard.press('Continue');
    await wizard.confirm('Withdraw the pending invitation?', 'Withdraw the invitation');
    await wizard.confirm('Invite lee@gmail.com?', 'Send the invitation');
    await wizard.expectStep('Invitation sent to the corrected address');
    await wizard.press('Continue');
    await wizard.choose('Yes, they got in');
    await wizard.expectStep('Re-invited at the right address');
    await wizard.shot('outcome');
    await context.close();
  });

  it('mo.teamb as the team manager of team A: not permitted → says whom to ask', async () => {
    const { wizard, page, context } = await openApp(browser, 'mo');
    await wizard.expectStep('Someone did not get their invitation?');
    await page.getByLabel('Act as').selectOption('team-manager');
    await page.getByText('You now act as: Team manager (Customer Success).').waitFor();
    await startWith(wizard, 'mo.teamb@example.com');
    await wizard.expectStep('You cannot manage this person');
    expect(await page.getByRole('region', { name: 'Your role does not allow this' }).isVisible()).toBe(true);
    await wizard.shot('outcome');
    await context.close();
  });

  it.each([
    ['en', 'en-GB'],
    ['de', 'de-DE'],
  ])('cara (%s): the lookup times out (?fault=) and the admin continues without it → resent from the admin console, never "nobody has been invited"', async (language, locale) => {
    const t = createAppText(language);
    const { wizard, page, context } = await openApp(browser, `cara-no-lookup-${language}`, { locale, path: '/?fault=findUser:unavailable:timeout' });
    await wizard.expectStep(t.text('app.start.title'));
    await page.getByLabel(t.text('app.start.emailLabel')).fill('cara.expired@example.com');
    await wizard.press(t.text('app.start.submit'));
    await wizard.expectStep(t.text('app.errors.unavailable_timeout.title'));
    await wizard.press(t.text('app.action.continueWithout'));
    await wizard.expectStep(t.text('flows.notReceived.askStatus.title', { email: 'cara.expired@example.com' }));
    await wizard.choose(t.text('flows.notReceived.askStatus.options.invited'), t.text('app.common.continue'));
    await wizard.expectStep(t.text('flows.notReceived.askWhenSent.title'));
    await wizard.choose(t.text('flows.notReceived.askWhenSent.options.longAgo', { inviteExpiry: new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(7) }), t.text('app.common.continue'));
    await wizard.expectStep(t.text('flows.notReceived.inviteExpiredByAge.title'));
    // Without a user record there is no expiry date to name, so the text must not promise one.
    expect(await page.getByText('—').count()).toBe(0);
    await wizard.press(t.text('flows.notReceived.inviteExpiredByAge.continue'));
    await wizard.expectStep(t.text('flows.notReceived.resendManually.title'));
    expect(await page.getByRole('heading', { name: t.text('flows.notReceived.notFound.title') }).count()).toBe(0);
    await wizard.shotBoth('fallback');
    await context.close();
  });
});
