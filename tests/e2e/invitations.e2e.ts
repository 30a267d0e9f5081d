import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import en from '../../locales/en/invitations.json';
import sv from '../../locales/sv/invitations.json';
import type { InvitationEvidence, InvitedUser } from '../../src/engine/index.ts';
import { createPolicy } from '../../src/engine/Policy.ts';
import { diagnoseInvitation } from '../../src/registry/diagnoseInvitation.ts';
import { groupInvitations } from '../../src/registry/groupInvitations.ts';
import type { DiagnosedInvitation, InvitationCause } from '../../src/registry/InvitationVerdict.ts';
import { launchBrowser } from './support/launchBrowser.ts';
import { openApp } from './support/openApp.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const causeNames = en.invitations.causes as Record<InvitationCause, string>;
/** The demo organisation loads fast without the demo's simulated latency. */
const healthPath = '/invitations?latency=0';

/** Waits for the loaded page: its summary region (the groups paint with it). */
async function waitForHealth(page: Page, summary = 'Summary') {
  await page.getByRole('region', { name: summary }).waitFor({ timeout: 60_000 });
}

/**
 * What the page should show, worked out here from the running demo backend's own answers (every
 * page of the listing, the evidence for every address) with the same pure verdict and grouping.
 */
async function expectedGroups(page: Page) {
  const { users, evidence, now } = await page.evaluate(async () => {
    const backend = window.__inviteDoctorDemo!.backend;
    const users: InvitedUser[] = [];
    let cursor: string | null = null;
    do {
      const result = await backend.listInvitations({ limit: 200, ...(cursor ? { cursor } : {}) });
      if (!result.ok) throw new Error(`listInvitations: ${result.error.kind}`);
      users.push(...result.value.invitations);
      cursor = result.value.nextCursor;
    } while (cursor);
    const emails = [...new Set(users.map((user) => user.email.toLowerCase()))];
    const evidence: InvitationEvidence[] = [];
    for (let start = 0; start < emails.length; start += 200) {
      const result = await backend.invitationEvidence(emails.slice(start, start + 200));
      if (!result.ok) throw new Error(`invitationEvidence: ${result.error.kind}`);
      evidence.push(...result.value);
    }
    return { users, evidence, now: Date.now() };
  });
  const byEmail = new Map(evidence.map((entry) => [entry.email, entry]));
  const policy = createPolicy();
  const rows = users.map((user): DiagnosedInvitation => {
    const found = byEmail.get(user.email.toLowerCase()) ?? { deliveryEvents: [], linkEvents: [] };
    return { user, domain: user.email.slice(user.email.lastIndexOf('@') + 1).toLowerCase(), verdict: diagnoseInvitation(user, found, policy, now) };
  });
  return groupInvitations(rows);
}

async function causeCards(page: Page): Promise<Array<{ name: string; text: string }>> {
  const cards = page.getByRole('region', { name: 'By cause' }).getByRole('listitem');
  return cards.evaluateAll((items) => items.map((item) => ({ name: item.querySelector('h3')?.textContent ?? '', text: item.textContent ?? '' })));
}

describe('invitation health', () => {
  it('groups and counts the demo organisation as the backend lists it, exports the view as CSV, and opens a row in the wizard', async () => {
    const { wizard, page, context } = await openApp(browser, 'invitations', { path: healthPath });
    await wizard.expectStep('Invitation health');
    await waitForHealth(page);
    const groups = await expectedGroups(page);
    expect(groups.totals.all).toBeGreaterThan(2_000);

    const summary = page.getByRole('region', { name: 'Summary' });
    await expect.poll(() => summary.locator('dd').allTextContents()).toEqual([String(groups.totals.all), String(groups.totals.needsAction)]);
    const cards = await causeCards(page);
    expect(cards.map((card) => card.name)).toEqual(groups.byCause.map((group) => causeNames[group.cause]));
    // Counts inside texts are formatted through Intl (1,449 in English).
    groups.byCause.forEach((group, index) => expect(cards[index]?.text).toContain(group.count === 1 ? '1 invitation' : `${new Intl.NumberFormat('en').format(group.count)} invitations`));
    const domains = await page.getByRole('region', { name: 'By recipient domain' }).getByRole('button').allTextContents();
    groups.byDomain.slice(0, domains.length).forEach((group, index) => {
      expect(domains[index]).toContain(group.domain);
      expect(domains[index]).toContain(`${group.failing} of ${group.count} failed on the way`);
    });
    await wizard.axe('health ready');
    await wizard.shotBoth('ready');

    // The biggest cause needing action, as a filter: the list and its CSV hold exactly its rows.
    const biggest = [...groups.byCause].filter((group) => group.rows.some((row) => row.verdict.needsAction)).sort((a, b) => b.count - a.count)[0]!;
    await page.getByRole('button', { name: `Show ${causeNames[biggest.cause]}` }).click();
    await page.getByText(`Showing ${new Intl.NumberFormat('en').format(biggest.count)} of ${new Intl.NumberFormat('en').format(groups.totals.all)} invitations.`).waitFor();
    const table = page.getByRole('table', { name: 'Invitations' });
    expect(await table.getAttribute('aria-rowcount')).toBe(String(biggest.count + 1));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export CSV (${new Intl.NumberFormat('en').format(biggest.count)})` }).click()]);
    expect(download.suggestedFilename()).toMatch(/^invitations-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"Email","Name","Status","Domain","Cause","Needs action","Since","Days","Suggested address","Remedy"');
    expect(lines).toHaveLength(biggest.count + 1);
    expect(lines.slice(1).every((line) => line.includes(`"${causeNames[biggest.cause]}"`))).toBe(true);

    // A row opens the wizard for that person, with the address already in.
    const first = table.getByRole('row').nth(1).getByRole('button').first();
    const email = (await first.textContent()) ?? '';
    await first.click();
    await page.waitForURL(/\/flows\/invite-not-received/);
    await page.getByText(email).first().waitFor({ timeout: 15_000 });
    await context.close();
  });

  it('can be used by keyboard alone: Tab to the search, type, Tab on to a row, Enter opens the wizard', async () => {
    const { wizard, page, context } = await openApp(browser, 'invitations-keyboard', { path: healthPath });
    await wizard.expectStep('Invitation health');
    await waitForHealth(page);
    const groups = await expectedGroups(page);
    const target = groups.byCause.flatMap((group) => group.rows)[0]!.user.email;
    const tabUntil = async (matches: string) => {
      for (let presses = 0; presses < 80; presses += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return;
      }
      throw new Error(`Tab never reached ${matches}`);
    };
    await tabUntil('input[type="search"]');
    await page.keyboard.type(target);
    await page.getByText(/^Showing 1 of /).waitFor();
    await tabUntil('[data-row-index]');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(target);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/flows\/invite-not-received/);
    await page.getByText(target).first().waitFor({ timeout: 15_000 });
    await context.close();
  });

  it('is axe clean in Swedish and in the dark theme, and at 360 px', async () => {
    const { wizard, page, context } = await openApp(browser, 'invitations-sv', { path: healthPath, locale: 'sv-SE', colorScheme: 'dark' });
    await wizard.expectStep(sv.invitations.title);
    await waitForHealth(page, sv.invitations.totals.title);
    await wizard.axe('health ready sv dark');
    await wizard.shotBoth('ready-dark');
    await page.setViewportSize({ width: 360, height: 800 });
    await wizard.axe('health ready sv dark 360');
    await context.close();
  });

  it('shows progress while loading, and why nothing can be shown without listing', async () => {
    const { wizard, page, context } = await openApp(browser, 'invitations-states', { path: '/invitations?hold=invitationEvidence' });
    await page.getByRole('progressbar', { name: 'Loading invitation health' }).waitFor({ timeout: 30_000 });
    await page.getByRole('status').filter({ hasText: /Gathering what the mail system reported: 0 of [\d,]+ addresses/ }).waitFor();
    await wizard.axe('health loading');
    await wizard.shot('loading');
    await page.evaluate(() => window.__inviteDoctorDemo!.release());
    await waitForHealth(page);
    await page.goto('/invitations?capabilities=lookup,resend,deliveryLog');
    await page.getByRole('heading', { name: 'Invitation health cannot be shown here' }).waitFor({ timeout: 30_000 });
    await wizard.axe('health unsupported');
    await wizard.shot('unsupported');
    await page.goto('/invitations?capabilities=all');
    await context.close();
  });
});
