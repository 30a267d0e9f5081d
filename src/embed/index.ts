/**
 * The embeddable Invite Doctor widget (`dist-widget/invite-doctor.js`). Importing it defines
 * `<invite-doctor>`; `mount(element, options)` renders the widget into any element. A host page
 * that serves its backend to a widget in a cross-origin frame uses `invite-doctor-bridge.js`
 * (`serveBackendOverBridge`). A page without modules of its own loads `invite-doctor.iife.js`, a
 * classic-script loader that imports this module from beside itself (global `InviteDoctor`, see
 * `createWidgetLoader.ts`).
 */
import { defineInviteDoctor } from './InviteDoctorElement.ts';

export { mount } from './mount.tsx';
export { InviteDoctorElement, defineInviteDoctor } from './InviteDoctorElement.ts';
export type {
  WidgetOptions,
  WidgetHandle,
  WidgetLocale,
  WidgetLauncher,
  WidgetTheme,
  WidgetBridgeOptions,
  WidgetEventMap,
  WidgetStepDetail,
  WidgetOutcomeDetail,
  WidgetEscalationDetail,
} from './WidgetOptions.ts';
export type {
  InvitationBackend,
  Capability,
  CallOptions,
  InviteOptions,
  InvitedUser,
  SentInvite,
  InviteLink,
  SentPasswordReset,
  CancelledInvite,
  DeliveryEvent,
  BackendError,
  Result,
  Policy,
  EscalationPacket,
  OutcomeResult,
} from '../engine/index.ts';

defineInviteDoctor();
