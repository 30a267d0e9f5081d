import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/launchBrowser.ts';
import { startWidgetSite, type WidgetSite } from './support/widgetSite.ts';
import { WidgetPage } from './support/widgetPage.ts';

let browser: Browser;
let site: WidgetSite;
beforeAll(async () => {
  site = await startWidgetSite();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the widget in a cross-origin frame, on the host’s backend through the postMessage bridge', () => {
  it('cara: the host on one port serves its backend to the widget on another, which resends the invitation', async () => {
    expect(new URL(site.hostURL).origin).not.toBe(new URL(site.frameURL).origin);
    const widget = await WidgetPage.open(browser, `${site.hostURL}/demo/bridge-host.html?frame=${encodeURIComponent(site.frameURL)}`);
    const { page } = widget;
    widget.within = page.frameLocator('#frame');
    await widget.expectStep('Who is missing their invitation?');
    await widget.within.getByLabel('Their email address').fill('cara.expired@example.com');
    await widget.press('Continue');
    await widget.expectStep('The invitation has expired');
    await widget.axeWidget('bridge: expired', '#frame');
    await widget.press('Resend the invitation');
    await widget.expectStep('Send a new invitation?');
    await widget.press('Send the invitation');
    await widget.expectStep('A new invitation is on its way');
    await widget.shot('bridge');
    const log = page.getByRole('region', { name: 'Backend calls served over the bridge' });
    await log.getByText('backend findUser(cara.expired@example.com) → ok').waitFor();
    await log.getByText('backend resendInvite(usr_cara) → ok').waitFor();
    await widget.press('Continue');
    await widget.expectStep('Did the new invitation arrive?');
    await widget.choose('Yes, and it works');
    await widget.expectStep('The new invitation worked');
    await widget.close();
  });

  it('dan, prefilled: the password reset goes through the bridge too', async () => {
    const widget = await WidgetPage.open(browser, `${site.hostURL}/demo/bridge-host.html?frame=${encodeURIComponent(site.frameURL)}&email=dan.active%40example.com`);
    widget.within = widget.page.frameLocator('#frame');
    await widget.expectStep('dan.active@example.com already has an account');
    await widget.choose('They do not remember their password');
    await widget.expectStep('Send a password reset?');
    await widget.press('Send the reset email');
    await widget.expectStep('Password reset sent');
    await widget.page.getByText('backend sendPasswordReset(usr_dan) → ok').waitFor();
    await widget.close();
  });

  it('a frame told to trust another origin gets no answers and says so, instead of crashing', async () => {
    const other = `${new URL(site.frameURL).protocol}//${new URL(site.frameURL).hostname}:1`;
    const widget = await WidgetPage.open(browser, `${site.frameURL}/demo/bridge-frame.html?host=${encodeURIComponent(site.hostURL)}`);
    // Top level, not framed: no parent to talk to, so no backend at all.
    await widget.expectStep('This help is not set up yet');
    await widget.close();
    // Framed by the real host, but the host only serves an origin the frame is not on.
    const host = await WidgetPage.open(browser, `${site.hostURL}/demo/bridge-host.html?frame=${encodeURIComponent(other)}`);
    await host.page.locator('#frame').evaluate((frame: HTMLIFrameElement, url) => {
      frame.src = url;
    }, `${site.frameURL}/demo/bridge-frame.html?host=${encodeURIComponent(site.hostURL)}&timeout=1500`);
    host.within = host.page.frameLocator('#frame');
    await host.expectStep('The invitation system did not answer');
    await host.close();
  });
});
