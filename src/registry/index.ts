export { createInvitationRegistry } from './createInvitationRegistry.ts';
export { invitationGuards, addressSuggestion } from './invitationGuards.ts';
export { invitationActions, latestDeliveryProblem } from './invitationActions.ts';
