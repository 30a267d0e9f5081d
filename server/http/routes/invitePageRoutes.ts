import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { defaultSenderName } from '../../config/loadMailConfig.ts';
import { serverText, pickLocale } from '../../i18n/serverText.ts';
import type { LinkRequest } from '../../linkEvents/isAutomatedRequest.ts';
import { recordLinkEvent } from '../../linkEvents/recordLinkEvent.ts';
import { renderInvitePage, type InvitePageView } from '../../pages/renderInvitePage.ts';
import { sendPage } from '../../pages/renderPage.ts';
import { acceptInvite } from '../../service/acceptInvite.ts';
import { inspectInviteLink, type InviteLinkState } from '../../service/inspectInviteLink.ts';
import { requestFreshInvite } from '../../service/requestFreshInvite.ts';
import type { ServiceContext } from '../../service/ServiceContext.ts';

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

/**
 * The invitee's pages, without an API key (see `registerApiKeyAuth`):
 * - `GET /invite/{token}` shows the invitation and one button; it records `opened` and never
 *   spends the token, so mail scanners that fetch every link (HEAD included) burn nothing;
 * - `POST /invite/{token}` accepts (the button), or says why the link no longer works;
 * - `POST /invite/{token}/fresh` mails a fresh invitation to the invited address only.
 * The token appears in no log line (see `serializeRequestForLog`), no redirect and no link: only
 * in the fresh-invitation form's own action.
 */
export function registerInvitePageRoutes(app: FastifyInstance, service: ServiceContext): void {
  void app.register(async (pages) => {
    // A form post; its body carries nothing we read, so it is accepted and ignored.
    pages.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4_096 }, (_request, _body, done) => done(null, {}));

    pages.get('/invite/:token', async (request: TokenRequest, reply) =>
      answer(service, request, reply, async (now) => {
        const state = await inspectInviteLink(service.db, service.links, request.params.token, now);
        if (state.kind !== 'invalid' && state.kind !== 'withdrawn') {
          await recordLinkEvent(service.db, { email: state.user.email, userId: state.user.id, kind: 'opened', request: linkRequest(request), at: now }).catch((error: unknown) =>
            service.onError(error, 'recordLinkEvent'),
          );
        }
        return viewOf(state, request.params.token);
      }),
    );

    pages.post('/invite/:token', async (request: TokenRequest, reply) =>
      answer(service, request, reply, async () => {
        const outcome = await acceptInvite(service, request.params.token, linkRequest(request), request.id);
        if (outcome.kind === 'accepted') return { status: 200, view: { kind: 'accepted', email: outcome.user.email, sso: outcome.user.sso } };
        return viewOf(outcome, request.params.token);
      }),
    );

    pages.post('/invite/:token/fresh', async (request: TokenRequest, reply) =>
      answer(service, request, reply, async () => {
        const outcome = await requestFreshInvite(service, request.params.token, request.ip, request.id);
        if (outcome.kind === 'sent') return { status: 202, view: { kind: 'freshSent', email: outcome.user.email } };
        if (outcome.kind === 'rate_limited') {
          void reply.header('retry-after', String(Math.max(1, Math.ceil(outcome.retryAfterMs / 1000))));
          return { status: 429, view: { kind: 'rateLimited', retryAfterMs: outcome.retryAfterMs } };
        }
        return viewOf(outcome, request.params.token);
      }),
    );
  });
}

interface PageAnswer {
  status: number;
  view: InvitePageView;
}

/** The page for a link's state. Unknown and malformed links share one 404 page: no oracle. */
function viewOf(state: InviteLinkState, token: string): PageAnswer {
  // Relative to /invite/<token>, this resolves to /invite/<token>/fresh (behind any path prefix too).
  const freshAction = `${encodeURIComponent(token)}/fresh`;
  switch (state.kind) {
    case 'open':
      return { status: 200, view: { kind: 'open', email: state.user.email } };
    case 'used':
      return { status: 410, view: { kind: 'used' } };
    case 'expired':
      return { status: 410, view: { kind: 'expired', freshAction } };
    case 'replaced':
      return { status: 410, view: { kind: 'replaced', freshAction: state.user.status === 'invited' ? freshAction : null } };
    case 'withdrawn':
      return { status: 410, view: { kind: 'withdrawn' } };
    case 'invalid':
      return { status: 404, view: { kind: 'invalid' } };
  }
}

async function answer(service: ServiceContext, request: FastifyRequest, reply: FastifyReply, build: (now: Date) => Promise<PageAnswer>): Promise<FastifyReply> {
  const language = pickLocale(request.headers['accept-language']);
  const context = { language, t: serverText('invitePage', language), product: service.mailSettings?.productName ?? defaultSenderName, supportContact: service.policy.supportContact };
  let result: PageAnswer;
  try {
    result = await build(new Date(service.clock()));
  } catch (error) {
    service.onError(error, 'invitePage');
    result = { status: 503, view: { kind: 'unavailable' } };
  }
  return sendPage(reply, result.status, renderInvitePage(result.view, context));
}

function linkRequest(request: FastifyRequest): LinkRequest {
  return { method: request.method, userAgent: request.headers['user-agent'] ?? null, acceptLanguage: request.headers['accept-language'] ?? null };
}
