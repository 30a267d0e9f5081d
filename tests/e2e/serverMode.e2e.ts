import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './support/launchBrowser.ts';
import { appTookOver, startWith } from './support/openApp.ts';
import { startServerModeSite, type ServerModeSite } from './support/serverModeSite.ts';
import { Wizard } from './support/Wizard.ts';

/**
 * The app built for server mode (`VITE_BACKEND=server`) on the real Invite Doctor server, one
 * origin: sign-in by the printed one-time link and by a pasted key, where the key is kept (and
 * where not), the wizard's backend calls reaching the server, a team manager's view of someone
 * outside the team, no way for the URL to send traffic elsewhere, a key revoked mid-check, and
 * axe on the sign-in page. The tests run in order: the first one uses the printed link.
 */
const shotsDir = '/tmp/shots-server';
const signInHeading = { en: 'Sign in to the Invite Doctor server', de: 'Beim Invite-Doctor-Server anmelden' };
const startHeading = { en: 'Someone did not get their invitation?', de: 'Jemand hat die Einladung nicht bekommen?' };
const keyStorageName = 'invite-doctor.api-key';

let browser: Browser;
let site: ServerModeSite;
beforeAll(async () => {
  site = await startServerModeSite();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Opened {
  page: Page;
  context: BrowserContext;
  wizard: Wizard;
}

/** A fresh browser context (no storage) on the site; any uncaught page error fails the step checks. */
async function open(name: string, path: string, options: { locale?: string; width?: number } = {}): Promise<Opened> {
  const context = await browser.newContext({ baseURL: site.url, locale: options.locale ?? 'en-GB', viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(path);
  await page.locator(appTookOver).waitFor({ state: 'attached', timeout: 15_000 });
  return { page, context, wizard: new Wizard(page, `server-${name}`, errors) };
}

/** Pastes `key` on the sign-in page and waits for the header to say who is signed in. */
async function signInWithKey(page: Page, key: string, who = 'admin'): Promise<void> {
  await page.getByLabel('API key').fill(key);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByText(`Signed in as ${who}`).waitFor({ timeout: 15_000 });
}

/** Every localStorage entry of the page, name and value, as one string per entry. */
function localStorageEntries(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).map((name) => `${name}=${localStorage.getItem(name) ?? ''}`));
}

/** The server's delivery log for an address, asked with the admin key. */
async function deliveryLog(email: string): Promise<{ kind: string; at: string }[]> {
  const response = await fetch(`${site.server.url}/v1/delivery-events?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${site.adminKey}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { events: { kind: string; at: string }[] }).events;
}

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(shotsDir, { recursive: true });
  await page.screenshot({ path: resolve(shotsDir, `${name}-${page.viewportSize()?.width ?? 0}.png`), fullPage: true });
}

describe('signing in to the server', () => {
  it('without a key, / lands on the focused sign-in heading; the printed one-time link signs in as admin, leaves no code in the URL or history, and keeps the key in sessionStorage only', async () => {
    const { page, context, wizard } = await open('link', '/');
    await wizard.expectStep(signInHeading.en);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expect.poll(() => page.evaluate(() => (document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : null))).toBe(signInHeading.en);

    // The link as a person follows it: opened in a new tab.
    const tab = await context.newPage();
    await tab.goto(site.signInLink);
    await tab.getByText('Signed in as admin').waitFor({ timeout: 15_000 });
    await tab.getByRole('heading', { level: 1, name: startHeading.en }).waitFor();
    expect(tab.url()).toBe(`${site.url}/`);
    expect(tab.url()).not.toContain(site.signInCode);
    // The tab's history: the blank page it opened with, then this one (the link's entry was replaced).
    expect(await tab.evaluate(() => history.length)).toBe(2);
    expect(await tab.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);

    const kept = await tab.evaluate((name) => sessionStorage.getItem(name), keyStorageName);
    expect(kept).toMatch(/^idk_/);
    const stored = await localStorageEntries(tab);
    for (const entry of stored) {
      expect(entry).not.toContain('idk_');
      expect(entry).not.toContain(site.signInCode);
      expect(entry).not.toContain(kept as string);
    }
    // The first tab has its own sessionStorage: still signed out.
    expect(await page.evaluate((name) => sessionStorage.getItem(name), keyStorageName)).toBeNull();
    await tab.goBack();
    expect(tab.url()).toBe('about:blank');
    await context.close();
  });

  it('the same link opened again says it was already used and offers the key field; nothing is stored', async () => {
    const { page, context, wizard } = await open('link-again', site.signInLink.replace(site.url, ''));
    await wizard.expectStep(signInHeading.en);
    await page.getByText('This sign-in link has already been used or has expired. Paste a key below, or ask for a new link.').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('already been used');
    expect(await page.getByLabel('API key').isVisible()).toBe(true);
    expect(page.url()).toBe(`${site.url}/sign-in`);
    expect(await page.evaluate((name) => sessionStorage.getItem(name), keyStorageName)).toBeNull();
    await context.close();
  });

  it('a wrong key is refused with a clear message and nothing is stored; the admin key pasted in the field signs in', async () => {
    const { page, context, wizard } = await open('key', '/sign-in');
    await wizard.expectStep(signInHeading.en);
    const field = page.getByLabel('API key');
    await field.fill('idk_not-a-key-the-server-knows');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('The server does not accept this key. Check that it was copied whole; it may also have expired or been revoked.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate((name) => sessionStorage.getItem(name), keyStorageName)).toBeNull();
    expect((await localStorageEntries(page)).filter((entry) => entry.includes('idk_'))).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await wizard.axe('sign-in: key refused');

    await signInWithKey(page, site.adminKey);
    await wizard.expectStep(startHeading.en);
    expect(await page.evaluate((name) => sessionStorage.getItem(name), keyStorageName)).toBe(site.adminKey);
    expect((await localStorageEntries(page)).filter((entry) => entry.includes(site.adminKey))).toEqual([]);
    await context.close();
  });
});

describe('the wizard on the server', () => {
  it('ana: spam, folders, colleagues, address confirmed → the resend reaches the server, whose delivery log shows a new sent event', async () => {
    const before = await deliveryLog('ana.invited@example.com');
    const { page, context, wizard } = await open('ana', '/');
    await signInWithKey(page, site.adminKey);
    await startWith(wizard, 'ana.invited@example.com');
    await wizard.expectStep('Ask them to look in junk and spam');
    await wizard.choose('Not there either');
    await wizard.expectStep('Ask them to search every folder');
    await wizard.choose('Still not found');
    // Listing shows nobody else at the domain failing, so the colleagues question is skipped.
    await wizard.expectStep('Confirm the address with them');
    await wizard.choose('The address is right');
    await wizard.confirm('Send a new invitation?', 'Send the invitation');
    await wizard.expectStep('A new invitation is on its way');

    const after = await deliveryLog('ana.invited@example.com');
    const sent = (events: { kind: string }[]) => events.filter((event) => event.kind === 'sent').length;
    expect(sent(after)).toBe(sent(before) + 1);
    const newest = after.filter((event) => event.kind === 'sent').at(-1);
    expect(Date.now() - Date.parse(newest?.at ?? '')).toBeLessThan(60_000);
    await context.close();
  });

  it('a team manager of team a looking up mo.teamb (team b) sees the same screen as for an address nobody invited', async () => {
    const screenFor = async (email: string) => {
      const { page, context, wizard } = await open(`team-${email}`, '/');
      await signInWithKey(page, site.teamManager.key, 'manager of team Customer Success');
      await startWith(wizard, email);
      await wizard.expectStep('Nobody with this address has been invited');
      const screen = (await page.getByRole('main').innerText()).replaceAll(email, '<address>');
      await context.close();
      return screen;
    };
    const nobody = await screenFor('nobody.invited@example.com');
    const mo = await screenFor('mo.teamb@example.com');
    expect(mo).toBe(nobody);
    expect(mo).not.toMatch(/Mo Haddad|team b|not permitted/i);
  });

  it('?backend=https://evil.example sends no request to any other origin: signing in and a lookup stay on the site', async () => {
    const requests: string[] = [];
    const context = await browser.newContext({ baseURL: site.url, locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    const wizard = new Wizard(page, 'server-evil', errors);
    await page.goto('/?backend=https://evil.example');
    await wizard.expectStep(signInHeading.en);
    await signInWithKey(page, site.adminKey);
    expect(new URL(page.url()).search).toBe('?backend=https://evil.example');
    await startWith(wizard, 'cara.expired@example.com');
    await wizard.expectStep('The invitation has expired');
    await page.goto('/sign-in?backend=https://evil.example#code=not-a-code');
    await page.getByText('This sign-in link has already been used or has expired. Paste a key below, or ask for a new link.').waitFor();

    const api = requests.filter((url) => new URL(url).pathname.startsWith('/v1/'));
    expect(api.length, 'the app called the API').toBeGreaterThan(2);
    expect(requests.filter((url) => new URL(url).pathname === '/v1/sign-in')).toHaveLength(1);
    expect(requests.filter((url) => new URL(url).origin !== site.url)).toEqual([]);
    expect(requests.filter((url) => url.includes('evil'))).toEqual(requests.filter((url) => new URL(url).searchParams.get('backend') === 'https://evil.example'));
    await context.close();
  });

  it('a key revoked while the person works: the refused resend signs them out with a note and sends nothing; signed in again, the check carries on and resends once', async () => {
    // The team manager's key (the test before this one is its last other use): revoked with the
    // keys command, which needs the data folder to itself, so the server restarts around it.
    const { page, context, wizard } = await open('revoked', '/');
    await signInWithKey(page, site.teamManager.key, 'manager of team Customer Success');
    await startWith(wizard, 'cara.expired@example.com');
    await wizard.expectStep('The invitation has expired');
    const stepUrl = page.url();

    await site.restartServer(async () => {
      const revoked = await site.keys(['revoke', site.teamManager.id]);
      expect(revoked.stdout).toContain(`Revoked ${site.teamManager.id}.`);
    });
    const sentBefore = (await deliveryLog('cara.expired@example.com')).filter((event) => event.kind === 'sent').length;
    await wizard.press('Resend the invitation');
    await wizard.confirm('Send a new invitation?', 'Send the invitation');
    await wizard.expectStep(signInHeading.en);
    await page.getByRole('status').getByText('The server no longer accepts your key (it may have expired or been revoked), so you were signed out.', { exact: false }).waitFor();
    expect(await page.evaluate((name) => sessionStorage.getItem(name), keyStorageName)).toBeNull();
    expect((await deliveryLog('cara.expired@example.com')).filter((event) => event.kind === 'sent')).toHaveLength(sentBefore);
    await wizard.shot('revoked-signed-out');

    // Back to the same session, which stopped at the resend: a side effect never re-runs by itself
    // on resume (issue 12), so it asks again; confirmed, it runs with the new key.
    await signInWithKey(page, site.adminKey);
    await wizard.confirm('Send a new invitation?', 'Send the invitation');
    await wizard.expectStep('A new invitation is on its way');
    expect(new URL(page.url()).searchParams.get('session')).toBe(new URL(stepUrl).searchParams.get('session'));
    expect((await deliveryLog('cara.expired@example.com')).filter((event) => event.kind === 'sent')).toHaveLength(sentBefore + 1);
    await context.close();
  });
});

describe('the sign-in page and the first step, in English and German', () => {
  it.each([
    ['en', 'en-GB'],
    ['de', 'de-DE'],
  ] as const)('%s: axe finds nothing on the sign-in page (empty and refused); screenshots at 1280 and 360 px', async (language, locale) => {
    const { page, context, wizard } = await open(`sign-in-${language}`, '/', { locale });
    await wizard.expectStep(signInHeading[language]);
    await shot(page, `sign-in-${language}`);
    await page.setViewportSize({ width: 360, height: 800 });
    await wizard.axe(`sign-in at 360 px (${language})`);
    await shot(page, `sign-in-${language}`);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: language === 'en' ? 'Sign in' : 'Anmelden', exact: true }).click();
    await page.getByRole('alert').getByText(language === 'en' ? 'Paste a key into the field first.' : 'Fügen Sie zuerst einen Schlüssel in das Feld ein.').waitFor();
    await wizard.axe(`sign-in, empty key (${language})`);
    await shot(page, `sign-in-empty-${language}`);

    await page.getByLabel(language === 'en' ? 'API key' : 'API-Schlüssel').fill(site.adminKey);
    await page.getByRole('button', { name: language === 'en' ? 'Sign in' : 'Anmelden', exact: true }).click();
    await wizard.expectStep(startHeading[language]);
    await page.getByText(language === 'en' ? 'Signed in as admin' : 'Angemeldet als Admin').waitFor();
    await shot(page, `first-step-${language}`);
    await page.setViewportSize({ width: 360, height: 800 });
    await wizard.axe(`first step at 360 px (${language})`);
    await shot(page, `first-step-${language}`);
    await context.close();
  });
});
