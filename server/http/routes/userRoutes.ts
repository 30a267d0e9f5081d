import type { FastifyInstance } from 'fastify';
import type { Result } from '../../../src/engine/Result.ts';
import type { ActionCaller } from '../../service/runAction.ts';
import type { ServerBackend } from '../../service/ServerBackend.ts';
import { parseAddress } from '../parseAddress.ts';
import { sendInvalid, sendResult } from '../sendResult.ts';
import { callerOf } from '../ServerRequest.ts';

const emailQuery = {
  type: 'object',
  required: ['email'],
  properties: { email: { type: 'string', minLength: 1, maxLength: 1024 } },
} as const;

const userIdParams = {
  type: 'object',
  required: ['userId'],
  properties: { userId: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

/** The four actions on one user, each `POST /v1/users/{userId}/<action>`. */
const userActions: Record<string, (backend: ServerBackend, caller: ActionCaller, userId: string) => Promise<Result<unknown>>> = {
  resend: (backend, caller, userId) => backend.resendInvite(caller, userId),
  'invite-link': (backend, caller, userId) => backend.getInviteLink(caller, userId),
  'password-reset': (backend, caller, userId) => backend.sendPasswordReset(caller, userId),
  cancel: (backend, caller, userId) => backend.cancelInvite(caller, userId),
};

/** `GET /v1/users?email=` and the user actions. */
export function registerUserRoutes(app: FastifyInstance, backend: ServerBackend): void {
  app.get<{ Querystring: { email: string } }>('/v1/users', { schema: { querystring: emailQuery } }, async (request, reply) => {
    const address = parseAddress(request.query.email);
    if (!address.ok) return sendInvalid(reply, address.message);
    return sendResult(reply, await backend.findUser(callerOf(request).principal, address.address), (user) => ({ user }));
  });

  for (const [action, run] of Object.entries(userActions)) {
    app.post<{ Params: { userId: string } }>(`/v1/users/:userId/${action}`, { schema: { params: userIdParams } }, async (request, reply) =>
      sendResult(reply, await run(backend, callerOf(request), request.params.userId)),
    );
  }
}
