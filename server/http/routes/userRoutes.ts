import type { FastifyInstance } from 'fastify';
import type { Result } from '../../../src/engine/Result.ts';
import { cancelInvite } from '../../service/cancelInvite.ts';
import { getInviteLink } from '../../service/getInviteLink.ts';
import { findUser } from '../../service/readUsers.ts';
import { resendInvite } from '../../service/resendInvite.ts';
import type { ActionCaller } from '../../service/runAction.ts';
import { sendPasswordReset } from '../../service/sendPasswordReset.ts';
import type { ServiceContext } from '../../service/ServiceContext.ts';
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
const userActions: Record<string, (context: ServiceContext, caller: ActionCaller, userId: string) => Promise<Result<unknown>>> = {
  resend: resendInvite,
  'invite-link': getInviteLink,
  'password-reset': sendPasswordReset,
  cancel: cancelInvite,
};

/** `GET /v1/users?email=` and the user actions. */
export function registerUserRoutes(app: FastifyInstance, service: ServiceContext): void {
  app.get<{ Querystring: { email: string } }>('/v1/users', { schema: { querystring: emailQuery } }, async (request, reply) => {
    const address = parseAddress(request.query.email);
    if (!address.ok) return sendInvalid(reply, address.message);
    return sendResult(reply, await findUser(service, callerOf(request).principal, address.address), (user) => ({ user }));
  });

  for (const [action, run] of Object.entries(userActions)) {
    app.post<{ Params: { userId: string } }>(`/v1/users/:userId/${action}`, { schema: { params: userIdParams } }, async (request, reply) =>
      sendResult(reply, await run(service, callerOf(request), request.params.userId)),
    );
  }
}
