import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { measureWidgetSize } from '../../bench/measureWidgetSize.ts';
import { launchBrowser } from './support/launchBrowser.ts';
import { startWidgetSite, type WidgetSite } from './support/widgetSite.ts';
import { WidgetPage } from './support/widgetPage.ts';
import loaderTexts from '../../locales/en/widgetLoader.json';

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

describe('the widget on the Acme Admin demo host (button launcher, the host’s own backend)', () => {
  it('dan: an active user who forgot the password gets a reset; the host logs every event', async () => {
    const widget = await WidgetPage.open(browser, `${site.hostURL}/demo/host.html`);
    const { page } = widget;
    await page.getByRole('button', { name: 'Check invite for Dan Evans' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invitation help' });
    widget.within = dialog;
    await widget.expectStep('dan.active@example.com already has an account');
    await widget.axeWidget('dan: already active (dialog)');
    await widget.shot('host-dialog');
    await widget.choose('They do not remember their password');
    await widget.expectStep('Send a password reset?');
    await widget.press('Send the reset email');
    await widget.expectStep('Password reset sent');
    await widget.press('Continue');
    await widget.expectStep('Could they set a password?');
    await widget.choose('Yes, they are in');
    await widget.expectStep('Password set');
    await widget.axeWidget('dan: outcome');
    const log = page.getByRole('region', { name: 'Widget events' });
    await log.getByText('outcome resolved at resolvedReset').waitFor();
    expect(await log.getByText('backend sendPasswordReset(usr_dan) → ok').count()).toBe(1);
    expect(await log.getByText(/step invite-not-received \/ (lookupUser|alreadyActive|sendReset|resetSent|afterReset|resolvedReset)$/).count()).toBe(6);
    await widget.shot('host-dan-resolved');

    // Esc closes the dialog and gives focus back to the floating button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const launcher = page.getByRole('button', { name: 'Help: invitation not received', expanded: false }).last();
    expect(await launcher.evaluate((button) => (button.getRootNode() as ShadowRoot).activeElement === button)).toBe(true);
    await widget.close();
  });

  it('cara: the expired invitation is resent, and the host’s table shows the new send time', async () => {
    const widget = await WidgetPage.open(browser, `${site.hostURL}/demo/host.html`);
    const { page } = widget;
    const row = page.getByRole('row', { name: /Cara Doyle/ });
    const before = await row.getByRole('cell').nth(3).textContent();
    await row.getByRole('button', { name: 'Check invite for Cara Doyle' }).click();
    widget.within = page.getByRole('dialog', { name: 'Invitation help' });
    await widget.expectStep('The invitation has expired');
    await widget.press('Resend the invitation');
    await widget.expectStep('Send a new invitation?');
    await widget.press('Send the invitation');
    await widget.expectStep('A new invitation is on its way');
    await widget.press('Continue');
    await widget.expectStep('Did the new invitation arrive?');
    await widget.choose('Yes, and it works');
    await widget.expectStep('The new invitation worked');
    await widget.axeWidget('cara: outcome');
    await page.getByRole('region', { name: 'Widget events' }).getByText('backend resendInvite(usr_cara) → ok').waitFor();
    await expect.poll(() => row.getByRole('cell').nth(3).textContent()).not.toBe(before);
    await widget.shot('host-cara-resolved');
    await widget.close();
  });

  it('is fully keyboard operable: Enter opens, Tab stays inside the dialog, Esc closes', async () => {
    const widget = await WidgetPage.open(browser, `${site.hostURL}/demo/host.html`);
    const { page } = widget;
    const launcher = page.getByRole('button', { name: 'Help: invitation not received' }).last();
    await launcher.focus();
    await page.keyboard.press('Enter');
    widget.within = page.getByRole('dialog', { name: 'Invitation help' });
    await widget.expectStep('Who is missing their invitation?');
    const focusedInWidget = () => page.evaluate(() => {
      const root = document.querySelector('invite-doctor')?.shadowRoot;
      const active = root?.activeElement as HTMLElement | null | undefined;
      return active ? `${active.tagName.toLowerCase()}:${active.getAttribute('aria-label') ?? active.textContent?.trim() ?? ''}` : null;
    });
    // The step heading has focus: Tab on to the field, type, Tab to Continue.
    for (let index = 0; index < 30 && !(await focusedInWidget())?.startsWith('input'); index += 1) await page.keyboard.press('Tab');
    await page.keyboard.type('ana.invited@example.com');
    await page.keyboard.press('Tab');
    expect(await focusedInWidget()).toBe('button:Continue');
    await page.keyboard.press('Tab');
    expect(await focusedInWidget(), 'Tab from the last control wraps to the first').toBe('button:Close');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInWidget()).toBe('button:Continue');
    await page.keyboard.press('Enter');
    await widget.expectStep('Ask them to look in junk and spam');
    await page.keyboard.press('Escape');
    await widget.within.waitFor({ state: 'hidden' });
    expect(await focusedInWidget()).toBe('button:Help: invitation not received');
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    await widget.close();
  });
});

describe('the widget from one classic script tag on a plain page (demo/plain.html)', () => {
  it('renders in place, in German when asked, and axe finds nothing inside it', async () => {
    const widget = await WidgetPage.open(browser, `${site.hostURL}/demo/plain.html?lang=de&email=cara.expired@example.com`, { locale: 'de-DE' });
    expect(await widget.page.evaluate(() => window.InviteDoctor?.moduleUrl)).toBe(`${site.hostURL}/dist-widget/invite-doctor.js`);
    await widget.expectStep('Die Einladung ist abgelaufen');
    await widget.axeWidget('German: expired');
    await widget.shot('de-expired', widget.page.locator('invite-doctor'));
    await widget.press('Einladung erneut senden');
    await widget.expectStep('Eine neue Einladung senden?');
    await widget.press('Einladung senden');
    await widget.expectStep('Eine neue Einladung ist unterwegs');
    await widget.axeWidget('German: resent');
    await widget.close();
  });

  it('fetches exactly the files the bench holds to the 130 KB budget, until the launcher is opened', async () => {
    const widget = await WidgetPage.open(browser, 'about:blank');
    const fetched = new Set<string>();
    widget.page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/dist-widget/')) fetched.add(pathname.slice('/dist-widget/'.length));
    });
    await widget.page.goto(`${site.hostURL}/demo/plain.html?launcher=button`);
    await widget.page.getByRole('button', { name: 'Help: invitation not received' }).waitFor();
    await widget.page.waitForLoadState('networkidle');
    const [budgeted] = measureWidgetSize({ dir: site.widgetDir });
    expect([...fetched].sort()).toEqual(budgeted?.files);
    expect(budgeted?.files).toContain('invite-doctor.iife.js');
    await widget.close();
  });

  it('does not take focus or scroll the host page when it loads and works on its own', async () => {
    const widget = await WidgetPage.open(browser, `${site.hostURL}/demo/plain.html?below&email=dan.active@example.com`);
    await widget.page.locator('invite-doctor').getByRole('heading', { level: 1, name: 'dan.active@example.com already has an account' }).waitFor({ state: 'attached' });
    await widget.page.waitForTimeout(300);
    expect(await widget.page.evaluate(() => ({ active: document.activeElement?.tagName, scrollY: window.scrollY }))).toEqual({ active: 'BODY', scrollY: 0 });
    expect(await widget.page.evaluate(() => Object.keys(localStorage).length + Object.keys(sessionStorage).length)).toBe(0);
    expect(widget.page.url()).toBe(`${site.hostURL}/demo/plain.html?below&email=dan.active@example.com`);
    await widget.close();
  });

  it('looks exactly the same under a hostile host stylesheet', async () => {
    const probe = () => {
      const element = document.querySelector('invite-doctor') as HTMLElement;
      const root = element.shadowRoot as ShadowRoot;
      const pick = (node: Element | null) => {
        if (!node) return null;
        const style = getComputedStyle(node);
        return ['display', 'visibility', 'opacity', 'color', 'font-family', 'font-size', 'line-height', 'letter-spacing', 'text-transform', 'margin-top', 'padding-top', 'border-top-style', 'background-color'].map((name) => `${name}: ${style.getPropertyValue(name)}`);
      };
      return {
        heading: pick(root.querySelector('h1')),
        body: pick(root.querySelector('.id-body')),
        input: pick(root.querySelector('input')),
        button: pick(root.querySelector('button[type="submit"]')),
        box: (() => {
          const rect = root.querySelector('.idw-inline')?.getBoundingClientRect();
          return rect && { width: rect.width, height: rect.height };
        })(),
      };
    };
    const shots: Buffer[] = [];
    const styles: unknown[] = [];
    for (const hostile of [false, true]) {
      const widget = await WidgetPage.open(browser, `${site.hostURL}/demo/plain.html${hostile ? '?hostile' : ''}`);
      await widget.expectStep('Who is missing their invitation?');
      if (hostile) expect(await widget.page.locator('#page-title').evaluate((title) => getComputedStyle(title).color)).toBe('rgb(255, 0, 0)');
      styles.push(await widget.page.evaluate(probe));
      shots.push(await widget.shot(hostile ? 'hostile' : 'plain', widget.page.locator('invite-doctor .idw-root')));
      await widget.close();
    }
    expect(styles[1]).toEqual(styles[0]);
    expect((styles[0] as { heading: string[] }).heading).toContain('display: block');
    expect(shots[1]?.equals(shots[0] as Buffer), 'the widget’s screenshots with and without the hostile sheet').toBe(true);
  });
});

describe('the loader served from another origin (a CDN)', () => {
  const moduleURL = () => `${site.frameURL}/dist-widget/invite-doctor.js`;

  /**
   * The support site's `cdn-host.html` on the host origin, taking the loader from the frame origin
   * (a CDN). With `cors`, every response from the other origin carries `Access-Control-Allow-Origin`.
   */
  async function openCdnHost(options: { cors: boolean }) {
    const widget = await WidgetPage.open(browser, 'about:blank');
    const { page } = widget;
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    if (options.cors) {
      await page.route(`${site.frameURL}/**`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
      });
    }
    await page.goto(`${site.hostURL}/cdn-host.html?cdn=${encodeURIComponent(site.frameURL)}`);
    return { widget, page, consoleErrors };
  }

  /** `InviteDoctor.ready` or the page's `mount()` promise, settled: `'loaded'` or the error's fields. */
  const settle = (page: WidgetPage['page'], which: 'ready' | 'mounted') =>
    page.evaluate((which) => {
      const pending = which === 'ready' ? window.InviteDoctor?.ready : (window as unknown as { mounted: Promise<unknown> }).mounted;
      return pending?.then(
        () => 'loaded' as const,
        (error: { name: string; kind: string; url: string; message: string }) => ({ name: error.name, kind: error.kind, url: error.url, message: error.message }),
      );
    }, which);

  it('with CORS: InviteDoctor.mount resolves a handle and dan gets his password reset; the bridge loads on demand', async () => {
    const { widget, page } = await openCdnHost({ cors: true });
    widget.within = page.locator('#help');
    await widget.expectStep('dan.active@example.com already has an account');
    expect(await settle(page, 'mounted')).toBe('loaded');
    expect(await page.evaluate(() => window.InviteDoctor?.moduleUrl)).toBe(moduleURL());
    expect(await page.evaluate(() => window.InviteDoctor?.loadBridge().then((bridge) => bridge.bridgeVersion))).toBe(1);
    await widget.choose('They do not remember their password');
    await widget.expectStep('Send a password reset?');
    await widget.press('Send the reset email');
    await widget.expectStep('Password reset sent');
    await page.getByRole('button', { name: 'Help: invitation not received' }).waitFor();
    await widget.close();
  });

  it('without CORS: ready and mount reject naming the module URL, the console says why, and the element shows a note', async () => {
    const { widget, page, consoleErrors } = await openCdnHost({ cors: false });
    const failure = await settle(page, 'ready');
    expect(failure).toMatchObject({ name: 'WidgetLoadError', kind: 'import_failed', url: moduleURL() });
    expect(failure !== 'loaded' && failure?.message).toContain(`Invite Doctor could not load ${moduleURL()}`);
    expect(failure !== 'loaded' && failure?.message).toContain('CORS');
    expect(await settle(page, 'mounted')).toEqual(failure);
    await page.locator('invite-doctor').getByText('Invitation help could not load.').waitFor();
    expect(consoleErrors.some((text) => text.includes(`Invite Doctor could not load ${moduleURL()}`)), consoleErrors.join('\n')).toBe(true);
    expect(widget.errors.map((error) => error.message), 'uncaught errors').toEqual([]);
    await widget.shot('load-failed-cors');
    await widget.close();
  });
});

describe('a plain page whose widget module is missing', () => {
  it('rejects ready with the URL it tried and puts a note into <invite-doctor> instead of leaving it empty', async () => {
    const widget = await WidgetPage.open(browser, 'about:blank');
    const { page } = widget;
    const moduleURL = `${site.hostURL}/dist-widget/invite-doctor.js`;
    await page.route(moduleURL, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await page.goto(`${site.hostURL}/demo/plain.html`);
    const failure = await page.evaluate(() => window.InviteDoctor?.ready.then(() => null, (error: { kind: string; url: string; message: string }) => ({ kind: error.kind, url: error.url, message: error.message })));
    expect(failure).toMatchObject({ kind: 'import_failed', url: moduleURL });
    expect(failure?.message).toContain('Serve the whole dist-widget/ folder');
    const note = page.locator('invite-doctor').getByText(loaderTexts.widgetLoader.loadFailed);
    await note.waitFor();
    expect(await note.isVisible()).toBe(true);
    expect(widget.errors.map((error) => error.message), 'uncaught errors').toEqual([]);
    await widget.shot('load-failed-missing', page.locator('invite-doctor'));
    await widget.close();
  });
});
