import { z } from 'zod';
import type { InvitationBackend } from '../src/engine/InvitationBackend.ts';
import type { Result } from '../src/engine/Result.ts';
import { badRequest, errorResponse, type ApiResponse } from './ApiResponse.ts';

/** One `/v1` request, already authenticated: `backend` acts as the caller's role. */
export interface ApiRequestContext {
  method: string;
  url: URL;
  readBody(): Promise<unknown>;
  backend: InvitationBackend;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
}

const userAction = /^\/v1\/users\/([^/]+)\/(resend|invite-link|password-reset|cancel)$/;
const suppression = /^\/v1\/suppressions\/([^/]+)\/clear$/;
const invitationBody = z.object({ email: z.string().trim().min(3).includes('@'), team: z.string().min(1).optional() });

/** Serves the REST API of `api/openapi.json` from an {@link InvitationBackend}. */
export async function routeApiRequest(context: ApiRequestContext): Promise<ApiResponse> {
  const { method, url, backend } = context;
  const options = { signal: context.signal };
  const path = url.pathname;
  const get = method === 'GET';
  const post = method === 'POST';

  if (path === '/v1/capabilities' && get) return { status: 200, body: { capabilities: [...backend.capabilities()] } };
  if (path === '/v1/users' && get) {
    const email = url.searchParams.get('email');
    if (!email) return badRequest('The email query parameter is required.');
    return answer(await backend.findUser(email, options), (user) => ({ user }));
  }
  if (path === '/v1/delivery-events' && get) {
    const email = url.searchParams.get('email');
    if (!email) return badRequest('The email query parameter is required.');
    return answer(await backend.deliveryEvents(email, options), (events) => ({ events }));
  }
  if (path === '/v1/invitations' && post) {
    const body = invitationBody.safeParse(await context.readBody());
    if (!body.success) return badRequest('Expected a JSON body { email, team? } with a valid email address.');
    return answer(await backend.inviteUser(body.data.email, { ...options, team: body.data.team }), (user) => ({ user }), 201);
  }
  const action = userAction.exec(path);
  if (action && post) {
    const userId = decode(action[1]);
    if (userId === undefined) return badRequest('The user id is not valid.');
    switch (action[2]) {
      case 'resend':
        return answer(await backend.resendInvite(userId, options));
      case 'invite-link':
        return answer(await backend.getInviteLink(userId, options));
      case 'password-reset':
        return answer(await backend.sendPasswordReset(userId, options));
      default:
        return answer(await backend.cancelInvite(userId, options));
    }
  }
  const cleared = suppression.exec(path);
  if (cleared && post) {
    const email = decode(cleared[1]);
    if (email === undefined) return badRequest('The email address is not valid.');
    if (!backend.clearSuppression) return errorResponse({ kind: 'unsupported', message: 'Suppressions are not modelled here.' });
    return answer(await backend.clearSuppression(email, options));
  }
  const readable = ['/v1/capabilities', '/v1/users', '/v1/delivery-events'].includes(path);
  if (readable || path === '/v1/invitations' || action || cleared) {
    const allow = readable ? 'GET' : 'POST';
    return { status: 405, body: { error: { kind: 'invalid_request', message: `Use ${allow} here.` } }, headers: { allow } };
  }
  return { status: 404, body: { error: { kind: 'not_found', message: 'No such endpoint.' } } };
}

function answer<T>(result: Result<T>, wrap: (value: T) => unknown = (value) => value, status = 200): ApiResponse {
  return result.ok ? { status, body: wrap(result.value) } : errorResponse(result.error);
}

function decode(segment: string | undefined): string | undefined {
  try {
    return segment === undefined ? undefined : decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
