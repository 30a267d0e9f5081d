import { createHmac, randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { freePort } from '../../support/spawnServer.ts';
import { rememberSecret } from './assertNoSecretsInStorage.ts';
import { startServerModeSite, type ServerModeSite } from './serverModeSite.ts';

/** The timings the real-mail journeys run with: milliseconds instead of the product's minutes. */
export const realMailTimings = {
  /** The demo sink lets a greylisted retry through after this long. */
  greylistDelayMs: 1_000,
  /** The queue's first back-off; it doubles per attempt up to the max. Longer than the greylist delay, so the first retry passes. */
  retryBaseMs: 1_500,
  retryMaxMs: 4_000,
  /** A relay that accepts first sends its delivery-status notification this long after. */
  dsnDelayMs: 300,
} as const;

export interface RealMailSite extends ServerModeSite {
  /** Postmark's webhook credentials as configured on the server (basic auth in the webhook URL). */
  postmark: { user: string; password: string };
  /** Mailgun's webhook signing key as configured on the server. */
  mailgunSigningKey: string;
}

/**
 * The server-mode site ({@link startServerModeSite}) with real mail: no `SMTP_URL` and the demo
 * seeded, so the server starts the demo world (its SMTP sink and bounce receiver, on ports picked
 * here that stay the same across restarts) and sends to the sink over SMTP as the final hop; short
 * greylisting, DSN and back-off delays; and a
 * Postmark and a Mailgun webhook configured with secrets made up for this run.
 */
export async function startRealMailSite(): Promise<RealMailSite> {
  const sinkPort = await freePort();
  const bouncePort = await freePort();
  const postmark = { user: 'e2e-postmark', password: randomBytes(18).toString('base64url') };
  const mailgunSigningKey = randomBytes(24).toString('hex');
  for (const secret of [postmark.password, mailgunSigningKey]) rememberSecret(secret);
  const site = await startServerModeSite({
    env: {
      MAIL_BOUNCE_ADDRESS: 'bounces@invite-doctor.localhost',
      DEMO_SMTP_PORT: String(sinkPort),
      BOUNCE_SMTP_PORT: String(bouncePort),
      DEMO_GREYLIST_DELAY_MS: String(realMailTimings.greylistDelayMs),
      DEMO_DSN_DELAY_MS: String(realMailTimings.dsnDelayMs),
      DEMO_SLOW_REPLY_MS: '200',
      MAIL_RETRY_BASE_MS: String(realMailTimings.retryBaseMs),
      MAIL_RETRY_MAX_MS: String(realMailTimings.retryMaxMs),
      MAIL_POLL_MS: '200',
      MAIL_LEASE_MS: '3000',
      POSTMARK_WEBHOOK_USER: postmark.user,
      POSTMARK_WEBHOOK_PASSWORD: postmark.password,
      MAILGUN_WEBHOOK_SIGNING_KEY: mailgunSigningKey,
    },
  });
  return Object.assign(site, { postmark, mailgunSigningKey }) as RealMailSite;
}

export interface LoggedEvent {
  kind: string;
  at: string;
  text?: string;
  smtpCode?: number;
  enhancedCode?: string;
  source?: string;
  messageId?: string;
}

/** `GET /v1/delivery-events?email=` with the admin key, on the server as it runs now. */
export async function deliveryLog(site: ServerModeSite, email: string): Promise<LoggedEvent[]> {
  const response = await fetch(`${site.server.url}/v1/delivery-events?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${site.adminKey}` } });
  expect(response.status, `GET /v1/delivery-events for ${email}`).toBe(200);
  return ((await response.json()) as { events: LoggedEvent[] }).events;
}

/** Polls the delivery log until `until` holds, or fails after `timeoutMs` naming `what` and showing the log. */
export async function waitForLog(site: ServerModeSite, email: string, what: string, until: (events: LoggedEvent[]) => boolean, timeoutMs = 15_000): Promise<LoggedEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = await deliveryLog(site, email);
    if (until(events)) return events;
    if (Date.now() > deadline) throw new Error(`${what}: not in the delivery log of ${email} within ${timeoutMs} ms. The log:\n${JSON.stringify(events, null, 1)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** `POST /v1/invitations` with the admin key: invites a new address (the mail goes through the outbox). */
export async function inviteByApi(site: ServerModeSite, email: string): Promise<{ id: string }> {
  const response = await fetch(`${site.server.url}/v1/invitations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${site.adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  const body = (await response.json()) as { user?: { id: string } };
  expect(response.status, `POST /v1/invitations for ${email}: ${JSON.stringify(body)}`).toBe(201);
  return { id: body.user?.id ?? '' };
}

/** `GET /v1/users?email=` with the admin key: the user's status as the wizard's lookup sees it. */
export async function lookUp(site: ServerModeSite, email: string): Promise<{ id: string; status: string } | null> {
  const response = await fetch(`${site.server.url}/v1/users?email=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${site.adminKey}` } });
  if (response.status === 404) return null;
  const body = (await response.json()) as { user?: { id: string; status: string } | null };
  return body.user ?? null;
}

/** The demo inbox page's URL on the server as it runs now. */
export const inboxUrl = (site: ServerModeSite) => `${site.server.url}/demo/inbox`;

/**
 * The invite links the demo inbox page shows for `email`, newest first: the `/invite/…` links in
 * the page's section for that address. Each is remembered as a secret
 * (the storage check fails if one is left in localStorage).
 */
export async function inboxLinks(page: Page, site: ServerModeSite, email: string): Promise<string[]> {
  const response = await page.goto(inboxUrl(site));
  expect(response?.status(), 'GET /demo/inbox').toBe(200);
  const links = await page.evaluate((address) => {
    // The page groups mail by recipient: a <section> per address, headed by the address (<h2>), newest mail first.
    const found: string[] = [];
    for (const section of Array.from(document.querySelectorAll('section'))) {
      if (section.querySelector('h2')?.textContent?.trim().toLowerCase() !== address) continue;
      for (const anchor of Array.from(section.querySelectorAll<HTMLAnchorElement>('a[href*="/invite/"]'))) found.push(anchor.href);
    }
    return found;
  }, email.toLowerCase());
  for (const link of links) rememberSecret(new URL(link).pathname.split('/').at(-1) ?? link);
  return links;
}

/** How many mails the demo inbox page shows for `email` (the articles in its section). */
export async function inboxMailCount(page: Page, site: ServerModeSite, email: string): Promise<number> {
  const response = await page.goto(inboxUrl(site));
  expect(response?.status(), 'GET /demo/inbox').toBe(200);
  return page.evaluate(
    (address) => Array.from(document.querySelectorAll('section')).filter((section) => section.querySelector('h2')?.textContent?.trim().toLowerCase() === address).reduce((sum, section) => sum + section.querySelectorAll('article').length, 0),
    email.toLowerCase(),
  );
}

/** Waits until the demo inbox page shows at least `count` invite links for `email`; resolves them. */
export async function waitForInbox(page: Page, site: ServerModeSite, email: string, count = 1, timeoutMs = 15_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const links = await inboxLinks(page, site, email).catch((error: unknown) => {
      if (Date.now() > deadline) throw error;
      return [];
    });
    if (links.length >= count) return links;
    if (Date.now() > deadline) throw new Error(`the demo inbox (${inboxUrl(site)}) shows ${links.length} invitation link(s) for ${email} after ${timeoutMs} ms, expected ${count}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

const screensDir = resolve(import.meta.dirname, '../../../test-results/screens');

/** A full-page screenshot at 1280 and at 360 px: `test-results/screens/realMail-<label>-<width>.png`. */
export async function shotWidths(page: Page, label: string): Promise<string[]> {
  await mkdir(screensDir, { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  const paths: string[] = [];
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width === 360 ? 800 : 900 });
    const path = resolve(screensDir, `realMail-${label}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    paths.push(path);
  }
  await page.setViewportSize(size);
  return paths;
}

/**
 * axe with the WCAG 2.2 A/AA tags, as the wizard's own checks run it: no violations. `iframes:
 * false` leaves frames out: the demo inbox shows each mail's HTML in a `sandbox=""` frame (no
 * scripts), where axe's per-frame run never answers and the whole check hangs.
 */
export async function expectNoAxeViolations(page: Page, label: string, options: { iframes?: boolean } = {}): Promise<void> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  // Legacy mode runs axe.run in the page itself, so with `iframes: false` no frame is ever asked.
  const results = await (options.iframes === false ? builder.options({ iframes: false }).setLegacyMode(true) : builder).analyze();
  const violations = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(violations, `axe on ${label}`).toEqual([]);
}

/** A Postmark bounce record (their documented Bounce webhook shape), with our Message-ID in its metadata. */
export function postmarkBounce(email: string, details: string, messageId?: string): Record<string, unknown> {
  return {
    RecordType: 'Bounce',
    ID: Math.floor(Math.random() * 1e12),
    Type: 'HardBounce',
    TypeCode: 1,
    Name: 'Hard bounce',
    Tag: 'invitation',
    MessageID: crypto.randomUUID(),
    ServerID: 23,
    MessageStream: 'outbound',
    Description: 'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
    Details: details,
    Email: email,
    From: 'no-reply@invite-doctor.localhost',
    BouncedAt: new Date().toISOString(),
    DumpAvailable: false,
    Inactive: true,
    CanActivate: true,
    Subject: 'You are invited',
    Metadata: messageId ? { 'message-id': messageId } : {},
  };
}

/** POSTs a webhook body to the server as Postmark does: JSON, basic auth from the webhook URL. */
export async function postPostmark(site: RealMailSite, body: unknown, password = site.postmark.password): Promise<Response> {
  return fetch(`${site.server.url}/v1/webhooks/postmark`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${site.postmark.user}:${password}`).toString('base64')}` },
    body: JSON.stringify(body),
  });
}

/** Mailgun's signature block: HMAC-SHA256 of timestamp + token with the signing key. */
export function mailgunSignature(signingKey: string): { timestamp: string; token: string; signature: string } {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const token = randomBytes(25).toString('hex');
  return { timestamp, token, signature: createHmac('sha256', signingKey).update(timestamp + token).digest('hex') };
}
