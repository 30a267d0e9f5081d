import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import en from '../../locales/en/groupActions.json';
import sv from '../../locales/sv/groupActions.json';
import enHealth from '../../locales/en/invitations.json';
import svHealth from '../../locales/sv/invitations.json';
import { launchBrowser } from './support/launchBrowser.ts';
import { openApp } from './support/openApp.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The demo organisation without the demo's simulated latency. */
const healthPath = '/invitations?latency=0';

async function waitForHealth(page: Page, summary = 'Summary') {
  await page.getByRole('region', { name: summary }).waitFor({ timeout: 60_000 });
}

/** WCAG 2.2 A/AA on the dialog alone. */
async function axeOnDialog(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`),
    `axe on the dialog: ${label}`,
  ).toEqual([]);
}

/** How many `sent` events each address has in the running demo's delivery log. */
function sentCounts(page: Page, emails: string[]): Promise<Record<string, number>> {
  return page.evaluate(async (addresses) => {
    const backend = window.__inviteDoctorDemo!.backend;
    const counts: Record<string, number> = {};
    for (const email of addresses) {
      const events = await backend.deliveryEvents(email);
      counts[email] = events.ok ? events.value.filter((event) => event.kind === 'sent').length : -1;
    }
    return counts;
  }, emails);
}

function injectRateLimit(page: Page, retryAfterMs: number) {
  return page.evaluate((wait) => window.__inviteDoctorDemo!.backend.injectFault('resendInvite', { kind: 'rate_limited', retryAfterMs: wait }), retryAfterMs);
}

/** Opens the preview of "resend every expired invitation" from the Expired card, in the page's language. */
async function openExpiredResend(page: Page, texts: typeof enHealth) {
  const { groups, causes, actions } = texts.invitations;
  const card = page.getByRole('region', { name: groups.causeTitle, exact: true }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: causes.expired, exact: true }) });
  const resend = new RegExp(`^${actions.resend.replace(/[()]/g, '\\$&').replace('{{count}}', '\\d+')}$`);
  await card.getByRole('button', { name: resend }).click();
}

describe('group actions', () => {
  it('resends the expired group under 429s and a reload mid-way: it finishes, and every address gets exactly one new invitation', async () => {
    const { wizard, page, context } = await openApp(browser, 'group-actions', { path: healthPath });
    await waitForHealth(page);
    await openExpiredResend(page, enHealth);
    const dialog = page.getByRole('dialog', { name: en.groupActions.title.resend });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    const emails = await dialog.getByRole('list', { name: en.groupActions.preview.recipients }).getByRole('listitem').allTextContents();
    expect(emails.length).toBeGreaterThan(20);
    const confirm = dialog.getByRole('button', { name: `Resend ${emails.length} invitations` });
    await confirm.waitFor();
    await axeOnDialog(page, 'preview');
    await wizard.shotBoth('resend-preview');

    const before = await sentCounts(page, emails);
    await injectRateLimit(page, 2_000);
    await confirm.click();
    // The dialog's heading (its name) follows what it shows: preview, progress, summary.
    const panel = page.getByRole('dialog');
    await panel.getByRole('heading', { name: en.groupActions.running.heading }).waitFor();
    await panel.getByText('Waiting 2 s because the mail system asked us to slow down.').first().waitFor();
    await axeOnDialog(page, 'waiting');
    await wizard.shot('resend-waiting');
    // Part of the way through, the mail system asks for a pause again, and the page is reloaded during it.
    await expect.poll(async () => Number((await panel.getByText(/^\d+ of \d+ done$/).first().textContent())?.split(' ')[0]), { timeout: 60_000 }).toBeGreaterThanOrEqual(10);
    await injectRateLimit(page, 3_000);
    await panel.getByText(/^Waiting \d s because/).first().waitFor();
    const beforeReload = await sentCounts(page, emails);
    await page.reload();
    await waitForHealth(page);

    // The fresh page's demo starts from its seed again: what was sent before the reload is counted from `beforeReload`.
    const resume = page.getByRole('dialog', { name: en.groupActions.resume.heading });
    await resume.waitFor();
    await axeOnDialog(page, 'resume');
    await wizard.shot('resend-resume');
    const afterReloadBase = await sentCounts(page, emails);
    await injectRateLimit(page, 2_000);
    await resume.getByRole('button', { name: en.groupActions.resume.resume }).click();
    const finished = page.getByRole('dialog', { name: en.groupActions.summary.heading });
    await finished.waitFor({ timeout: 150_000 });
    const after = await sentCounts(page, emails);
    const newSends = emails.map((email) => (beforeReload[email]! - before[email]!) + (after[email]! - afterReloadBase[email]!));
    expect(newSends.filter((count) => count !== 1)).toEqual([]);
    await finished.getByText(`${emails.length} invitations resent.`).waitFor();
    await axeOnDialog(page, 'summary');
    await wizard.shotBoth('resend-summary');
    await finished.getByRole('button', { name: en.groupActions.summary.done }).click();
    await finished.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => sessionStorage.getItem('invite-doctor:group-job'))).toBeNull();
    await context.close();
  });

  it('previews the same group in Swedish, axe clean at 1280 and 360 px, and closes on Esc', async () => {
    const { wizard, page, context } = await openApp(browser, 'group-actions-sv', { path: healthPath, locale: 'sv-SE' });
    await waitForHealth(page, svHealth.invitations.totals.title);
    await openExpiredResend(page, svHealth);
    const dialog = page.getByRole('dialog', { name: sv.groupActions.title.resend });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /^Skicka \d+ inbjudningar igen$/ }).waitFor();
    await axeOnDialog(page, 'preview sv');
    await wizard.shotBoth('resend-preview');
    await page.setViewportSize({ width: 360, height: 800 });
    await axeOnDialog(page, 'preview sv 360');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await context.close();
  });
});
