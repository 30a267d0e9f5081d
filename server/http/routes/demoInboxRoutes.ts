import type { FastifyInstance } from 'fastify';
import { pickLocale, serverText } from '../../i18n/serverText.ts';
import { renderDemoInbox } from '../../pages/renderDemoInbox.ts';
import { renderInvitePage } from '../../pages/renderInvitePage.ts';
import { sendPage } from '../../pages/renderPage.ts';
import type { ServiceContext } from '../../service/ServiceContext.ts';

/** The newest mails shown at most: a demo inbox, not an archive. */
const shownMails = 500;

/**
 * `GET /demo/inbox`: the demo recipients' mailbox, with their live invite links, so a person can
 * play the invitee. Without a key, like the invite pages, and only when `enabled` (the demo world
 * is on); otherwise it answers 404 like any unknown page, so a real deployment has no such page.
 */
export function registerDemoInboxRoutes(app: FastifyInstance, service: ServiceContext, enabled: boolean): void {
  app.get('/demo/inbox', async (request, reply) => {
    const language = pickLocale(request.headers['accept-language']);
    const t = serverText('invitePage', language);
    const context = { language, t, product: new URL(service.linkOrigin).host, supportContact: service.policy.supportContact };
    // With the demo off the page does not exist: the same 404 as any unknown address.
    if (!enabled) return reply.callNotFound();
    try {
      const mails = await service.db.selectFrom('demoInbox').selectAll().orderBy('receivedAt', 'desc').orderBy('id', 'desc').limit(shownMails).execute();
      return sendPage(reply, 200, renderDemoInbox(mails, language, t));
    } catch (error) {
      service.onError(error, 'demoInbox');
      return sendPage(reply, 503, renderInvitePage({ kind: 'unavailable' }, context));
    }
  });
}
