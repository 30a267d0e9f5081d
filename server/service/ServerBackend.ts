import type { BackendDescription } from '../../src/engine/BackendDescription.ts';
import type { CancelledInvite, Capability, DeliveryEvent, InvitationEvidence, InvitationPage, InvitedUser, InviteLink, LinkEvent, SendingStatus, SentInvite, SentPasswordReset } from '../../src/engine/InvitationBackend.ts';
import type { Result } from '../../src/engine/Result.ts';
import type { InvitationQuery } from './listInvitations.ts';
import type { Principal } from './Principal.ts';
import type { ActionCaller } from './runAction.ts';

/**
 * What the HTTP routes call: the contract, as seen by an authenticated caller. Two implementations:
 * the server's own tables (`createStoreBackend`) and an identity provider combined with delivery
 * evidence (`createProviderBackend`). Reads take the caller's principal (visibility), actions the
 * whole caller (audit rows carry the request id). Addresses arrive normalised.
 */
export interface ServerBackend {
  /** The operations served; the routes of the others answer `unsupported`. */
  capabilities(): readonly Capability[];
  describe(): BackendDescription;
  findUser(principal: Principal, email: string): Promise<Result<InvitedUser | null>>;
  resendInvite(caller: ActionCaller, userId: string): Promise<Result<SentInvite>>;
  getInviteLink(caller: ActionCaller, userId: string): Promise<Result<InviteLink>>;
  sendPasswordReset(caller: ActionCaller, userId: string): Promise<Result<SentPasswordReset>>;
  cancelInvite(caller: ActionCaller, userId: string): Promise<Result<CancelledInvite>>;
  inviteUser(caller: ActionCaller, email: string, team?: string): Promise<Result<InvitedUser>>;
  listInvitations(principal: Principal, query: InvitationQuery): Promise<Result<InvitationPage>>;
  deliveryEvents(principal: Principal, email: string): Promise<Result<DeliveryEvent[]>>;
  clearSuppression(caller: ActionCaller, email: string): Promise<Result<{ clearedAt: string }>>;
  sendingStatus(): Promise<Result<SendingStatus>>;
  linkEvents(principal: Principal, email: string): Promise<Result<LinkEvent[]>>;
  /**
   * The delivery and link events of 1–200 distinct normalised addresses, in the order given
   * (capability `invitationEvidence`): per address what `deliveryEvents` and `linkEvents` answer,
   * an empty list where those refuse or the backend records none.
   */
  invitationEvidence(principal: Principal, emails: readonly string[]): Promise<Result<InvitationEvidence[]>>;
  close?(): Promise<void>;
}
