import type { TFunction } from 'i18next';
import { html, type SafeHtml } from './html.ts';
import { maskAddress } from './maskAddress.ts';
import type { Page } from './renderPage.ts';

/** What the invite page shows; `freshAction` is the form's own action, the one place a token may appear. */
export type InvitePageView =
  | { kind: 'open'; email: string }
  | { kind: 'accepted'; email: string; sso: boolean }
  | { kind: 'used' }
  | { kind: 'expired'; freshAction: string }
  | { kind: 'replaced'; freshAction: string | null }
  | { kind: 'withdrawn' }
  | { kind: 'invalid' }
  | { kind: 'freshSent'; email: string }
  | { kind: 'rateLimited'; retryAfterMs: number }
  | { kind: 'unavailable' };

export interface InvitePageContext {
  language: string;
  t: TFunction;
  /** How the product is named to the invitee: as its mails name it (MAIL_FROM's display name). */
  product: string;
  supportContact: string;
}

/**
 * The invite page for one state. Every text comes from `invitePage.json`; every value (the masked
 * address, the product, the support address) is escaped by `html`. Pages name no other person.
 */
export function renderInvitePage(view: InvitePageView, context: InvitePageContext): Page {
  const { t, product } = context;
  const text = (key: string, values: Record<string, unknown> = {}) => t(key, { product, ...values });
  const page = (section: string, ...body: SafeHtml[]): Page => ({
    language: context.language,
    title: text(`${section}.title`),
    main: html`<h1>${text(`${section}.heading`)}</h1>\n${body}`,
  });
  const paragraph = (value: string, className?: string) => (className ? html`<p class="${className}">${value}</p>\n` : html`<p>${value}</p>\n`);
  const freshForm = (action: string) => html`${paragraph(text('fresh.offer'))}<form method="post" action="${action}"><button type="submit">${text('fresh.action')}</button></form>\n`;
  switch (view.kind) {
    case 'open':
      // No action attribute: the form posts to this very URL, so the page repeats no token.
      return page(
        'open',
        paragraph(text('open.lead', { address: maskAddress(view.email) })),
        html`<form method="post"><button type="submit">${text('open.action')}</button></form>\n`,
        paragraph(text('open.note'), 'note'),
      );
    case 'accepted':
      return page('accepted', paragraph(text('accepted.lead', { address: maskAddress(view.email) })), paragraph(text(view.sso ? 'accepted.nextSso' : 'accepted.next')));
    case 'used':
      return page('used', paragraph(text('used.lead')), paragraph(text('used.next', { support: context.supportContact })));
    case 'expired':
      return page('expired', paragraph(text('expired.lead')), freshForm(view.freshAction));
    case 'replaced':
      return page('replaced', paragraph(text('replaced.lead')), view.freshAction ? freshForm(view.freshAction) : paragraph(text('replaced.alreadyAccepted')));
    case 'withdrawn':
      return page('withdrawn', paragraph(text('withdrawn.lead')));
    case 'invalid':
      return page('invalid', paragraph(text('invalid.lead')));
    case 'freshSent':
      return page('freshSent', paragraph(text('freshSent.lead', { address: maskAddress(view.email) })), paragraph(text('freshSent.note'), 'note'));
    case 'rateLimited':
      return page('rateLimited', paragraph(text('rateLimited.lead', { count: Math.max(1, Math.ceil(view.retryAfterMs / 60_000)) })));
    case 'unavailable':
      return page('unavailable', paragraph(text('unavailable.lead')));
  }
}
