import type { TFunction } from 'i18next';
import type { Selectable } from 'kysely';
import type { DemoInboxTable } from '../store/Database.ts';
import { html } from './html.ts';
import type { Page } from './renderPage.ts';

export type DemoInboxMail = Selectable<DemoInboxTable>;

/** Invite links in a mail: the link a person would click in their mail program. */
const inviteLinkPattern = /https?:\/\/[^\s<>"']+\/invite\/[A-Za-z0-9_-]{43}/g;

/**
 * The demo inbox: every mail the demo sink accepted, grouped by recipient (the recipient with the
 * newest mail first), each mail newest first with its subject, time, sender, the invite link as
 * a real link, the HTML part in a sandboxed frame (no scripts, no forms, no navigation of this
 * page) and the text part as text. Only ever served with the demo on: it shows live links.
 */
export function renderDemoInbox(mails: readonly DemoInboxMail[], language: string, t: TFunction): Page {
  const byAddress = new Map<string, DemoInboxMail[]>();
  for (const mail of [...mails].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || Number(b.id) - Number(a.id))) {
    byAddress.set(mail.email, [...(byAddress.get(mail.email) ?? []), mail]);
  }
  const time = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' });
  const renderMail = (mail: DemoInboxMail) => {
    // From the text part, else from the HTML part's hrefs: the same link either way.
    const links = [...new Set(mail.text?.match(inviteLinkPattern) ?? mail.html?.match(inviteLinkPattern) ?? [])];
    return html`<article>
<h3>${mail.subject ?? t('demoInbox.noSubject')}</h3>
<p class="note"><time datetime="${mail.receivedAt.toISOString()}">${t('demoInbox.received', { time: time.format(mail.receivedAt) })}</time>${mail.envelopeFrom ? html` · ${t('demoInbox.from', { from: mail.envelopeFrom })}` : ''}</p>
${links.map((link) => html`<p><a href="${link}">${t('demoInbox.openLink')}</a></p>\n`)}${
      mail.html ? html`<iframe sandbox="" referrerpolicy="no-referrer" title="${t('demoInbox.htmlPart')}" srcdoc="${mail.html}"></iframe>\n` : ''
    }${mail.text ? html`<details${mail.html ? '' : html` open`}><summary>${t('demoInbox.textPart')}</summary><pre>${mail.text}</pre></details>\n` : ''}</article>\n`;
  };
  const sections = [...byAddress].map(([email, list]) => html`<section>\n<h2>${email}</h2>\n${list.map(renderMail)}</section>\n`);
  return {
    language,
    title: t('demoInbox.title'),
    main: html`<h1>${t('demoInbox.heading')}</h1>\n<p>${t('demoInbox.lead')}</p>\n${sections.length > 0 ? sections : html`<p>${t('demoInbox.empty')}</p>`}`,
  };
}
