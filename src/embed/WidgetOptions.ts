import type { Locale } from '../app/supportedLocales.ts';
import type { EscalationPacket, InvitationBackend, OutcomeResult, Policy } from '../engine/index.ts';

/** The languages the widget speaks. */
export type WidgetLocale = Locale;

/** `inline` renders in place; `button` is a floating button that opens the wizard in a dialog. */
export type WidgetLauncher = 'inline' | 'button';

/** The theme's custom properties (the `--id-*` names of the SPA theme), e.g. `{ '--id-color-accent': '#0b6e4f' }`. */
export type WidgetTheme = Partial<Record<`--id-${string}`, string>>;

/** A backend in another window, reached with postMessage (see `createBridgeBackend`). */
export interface WidgetBridgeOptions {
  /** The window serving the backend, usually `window.parent`. */
  target: Window;
  /** That window's exact origin, e.g. `https://admin.example.com`. */
  origin: string;
  /** @default 10000 */
  timeoutMs?: number;
}

/** What a host passes to `mount()` (the element's attributes mirror the simple ones). */
export interface WidgetOptions {
  /** The flow to run. @default 'invite-not-received' */
  flow?: string;
  /** @default the host page's `<html lang>` when supported, else 'en' */
  locale?: WidgetLocale;
  /** Overrides of the theme's custom properties. */
  theme?: WidgetTheme;
  /** Light, dark, or the system's preference. @default 'light' */
  colorScheme?: 'light' | 'dark' | 'system';
  /** Product policy (cooldowns, expiries, sender, support contact). @default defaultPolicy */
  policy?: Partial<Policy>;
  /** The address the check is about; the wizard then starts by looking it up. */
  email?: string;
  /** @default 'inline' */
  launcher?: WidgetLauncher;
  /** The host's own backend (same origin). Takes precedence over `bridge` and `demo`. */
  backend?: InvitationBackend;
  /** The host's backend in another window (cross-origin). */
  bridge?: WidgetBridgeOptions;
  /** Run on the built-in demo backend (made-up users) when neither `backend` nor `bridge` is given. @default false */
  demo?: boolean;
}

/** What `mount()` returns; `<invite-doctor>` has the same commands. */
export interface WidgetHandle {
  /** Opens the dialog (button launcher; inline is always open). */
  open(): void;
  /** Closes the dialog; focus returns to the button when it was inside. */
  close(): void;
  /** Starts a new session of the configured flow. */
  restart(): void;
  /** Starts a new session about this address. */
  prefill(email: string): void;
  /** Changes options in place; a new flow or address starts a new session. */
  update(options: Partial<WidgetOptions>): void;
  /** Removes the widget and stops its session. */
  unmount(): void;
}

/** `invite-doctor:step`: the wizard shows a new step. */
export interface WidgetStepDetail {
  flowId: string;
  stepId: string;
}

/** `invite-doctor:outcome`: the session reached an outcome. */
export interface WidgetOutcomeDetail {
  result: OutcomeResult;
  stepId: string;
  flowId: string;
}

/** `invite-doctor:escalation`: the session ended escalated; the packet is ready for a ticket. */
export interface WidgetEscalationDetail {
  packet: EscalationPacket;
  markdown: string;
}

/** The events the widget dispatches on its element (`bubbles` and `composed`). */
export interface WidgetEventMap {
  'invite-doctor:step': CustomEvent<WidgetStepDetail>;
  'invite-doctor:outcome': CustomEvent<WidgetOutcomeDetail>;
  'invite-doctor:escalation': CustomEvent<WidgetEscalationDetail>;
}
