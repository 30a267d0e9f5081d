import type { FlowRegistry } from '../engine/index.ts';
import { invitationGuards } from './invitationGuards.ts';
import { invitationActions } from './invitationActions.ts';
import { sendingGuards } from './sendingGuards.ts';
import { sendingActions } from './sendingActions.ts';
import { linkGuards } from './linkGuards.ts';
import { linkActions } from './linkActions.ts';
import { backendFactGuards } from './backendFactGuards.ts';
import { backendFactActions } from './backendFactActions.ts';

/**
 * The guards and actions the shipped invitation flows may name, one file per family: the core
 * lookups and side effects, our own sending side, links, and facts read from the backend.
 */
export function createInvitationRegistry(): FlowRegistry {
  return {
    guards: { ...invitationGuards, ...sendingGuards, ...linkGuards, ...backendFactGuards },
    actions: { ...invitationActions, ...sendingActions, ...linkActions, ...backendFactActions },
  };
}
