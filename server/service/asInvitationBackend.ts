import type { InvitationBackend } from '../../src/engine/InvitationBackend.ts';import type { Principal } from './Principal.ts';
import type { ServerBackend } from './ServerBackend.ts';

/**
 * The server's backend as the engine's port, acting as one principal (the doctor command acts as
 * the server itself), so a compiled flow can run in the server's process without HTTP.
 */
export function asInvitationBackend(backend: ServerBackend, principal: Principal, requestId: string): InvitationBackend {
  const caller = { principal, requestId };
  const capabilities = new Set(backend.capabilities());
  return {
    capabilities: () => capabilities,
    describe: () => backend.describe(),
    findUser: (email) => backend.findUser(principal, email.trim().toLowerCase()),
    resendInvite: (userId) => backend.resendInvite(caller, userId),
    getInviteLink: (userId) => backend.getInviteLink(caller, userId),
    sendPasswordReset: (userId) => backend.sendPasswordReset(caller, userId),
    cancelInvite: (userId) => backend.cancelInvite(caller, userId),
    inviteUser: (email, options) => backend.inviteUser(caller, email.trim().toLowerCase(), options?.team),
    deliveryEvents: (email) => backend.deliveryEvents(principal, email.trim().toLowerCase()),
    clearSuppression: (email) => backend.clearSuppression(caller, email.trim().toLowerCase()),
    listInvitations: (filter) =>
      backend.listInvitations(principal, {
        limit: Math.min(200, Math.max(1, Math.floor(filter.limit ?? 50))),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.domain ? { domain: filter.domain } : {}),
        ...(filter.q ? { q: filter.q } : {}),
        ...(filter.cursor ? { after: decodeOrThrow(filter.cursor) } : {}),
      }),
    sendingStatus: () => backend.sendingStatus(),
    linkEvents: (email) => backend.linkEvents(principal, email.trim().toLowerCase()),
  };
}

import { decodeInvitationCursor } from '../../src/engine/invitationCursor.ts';

function decodeOrThrow(cursor: string): { email: string; id: string } {
  const key = decodeInvitationCursor(cursor);
  if (!key) throw new Error('The cursor is not one this backend gave out; start again without it.');
  return key;
}
