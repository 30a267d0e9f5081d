/**
 * The embeddable Invite Doctor widget (`dist-widget/invite-doctor.js`). Importing it defines
 * `<invite-doctor>`; `mount(element, options)` renders the widget into any element. A host page
 * that serves its backend to a widget in a cross-origin frame uses `invite-doctor-bridge.js`
 * (`serveBackendOverBridge`); the single-script build (`invite-doctor.iife.js`, global
 * `InviteDoctor`) carries both.
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
