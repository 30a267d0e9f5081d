import { allCapabilities } from '../../src/engine/InvitationBackend.ts';
import { readLinkEvents } from '../linkEvents/readLinkEvents.ts';
import { cancelInvite } from './cancelInvite.ts';
import { clearSuppression } from './clearSuppression.ts';
import { getInviteLink } from './getInviteLink.ts';
import { inviteUser } from './inviteUser.ts';
import { listInvitations } from './listInvitations.ts';
import { readInvitationEvidence } from './readInvitationEvidence.ts';
import { readSendingStatus } from './readSendingStatus.ts';
import { deliveryEvents, findUser } from './readUsers.ts';
import { resendInvite } from './resendInvite.ts';
import { sendPasswordReset } from './sendPasswordReset.ts';
import type { ServerBackend } from './ServerBackend.ts';
import type { ServiceContext } from './ServiceContext.ts';

/** Users in the server's own tables (the demo, a self-hosted product): every operation, one transaction each. */
export function createStoreBackend(context: ServiceContext): ServerBackend {
  return {
    capabilities: () => allCapabilities,
    describe: () => ({
      identity: 'invite-doctor',
      identityName: 'Invite Doctor',
      resend: 'native',
      resendRotatesLink: true,
      providerSendsMail: false,
      deliveryEvidence: ['invite-doctor'],
    }),
    findUser: (principal, email) => findUser(context, principal, email),
    resendInvite: (caller, userId) => resendInvite(context, caller, userId),
    getInviteLink: (caller, userId) => getInviteLink(context, caller, userId),
    sendPasswordReset: (caller, userId) => sendPasswordReset(context, caller, userId),
    cancelInvite: (caller, userId) => cancelInvite(context, caller, userId),
    inviteUser: (caller, email, team) => inviteUser(context, caller, email, team),
    listInvitations: (principal, query) => listInvitations(context, principal, query),
    deliveryEvents: (principal, email) => deliveryEvents(context, principal, email),
    clearSuppression: (caller, email) => clearSuppression(context, caller, email),
    sendingStatus: () => readSendingStatus(context),
    linkEvents: (principal, email) => readLinkEvents(context, principal, email),
    invitationEvidence: (principal, emails) => readInvitationEvidence(context, principal, emails),
  };
}
