export { createInvitationRegistry } from './createInvitationRegistry.ts';
export { invitationGuards, addressSuggestion } from './invitationGuards.ts';
export { invitationActions, latestDeliveryProblem } from './invitationActions.ts';
export { diagnoseInvitation, resendAfterDays, staleAfterDays } from './diagnoseInvitation.ts';
export type { InvitationEvidenceFacts } from './diagnoseInvitation.ts';
export { groupInvitations, causeUrgency, failingCauses } from './groupInvitations.ts';
export type { CauseGroup, DomainGroup, InvitationGroups } from './groupInvitations.ts';
export { isInvitationExpired, isSetupUnfinished, isScannerRefusal, isOtherAccountRefusal, isNothingSent, isWithinWindow, scannerWindowSeconds } from './invitationPredicates.ts';
export type { NothingSentFacts } from './invitationPredicates.ts';
