import type { FlowRegistry } from '../engine/index.ts';
import { invitationGuards } from './invitationGuards.ts';
import { invitationActions } from './invitationActions.ts';

/** The guards and actions the shipped invitation flows may name. */
export function createInvitationRegistry(): FlowRegistry {
  return { guards: invitationGuards, actions: invitationActions };
}
