import type { Capability, InvitationBackend } from './InvitationBackend.ts';
import type { Policy } from './Policy.ts';
import type { Facts, SessionContext } from './SessionContext.ts';
import type { Result } from './Result.ts';
import type { Clock } from './Clock.ts';

/** What a guard may look at: the case, the policy and the time. Guards are pure. */
export interface GuardArgs {
  context: SessionContext;
  policy: Policy;
  now: number;
}

export type GuardParams = Record<string, string | number | boolean>;

export type FlowGuard = (args: GuardArgs, params: GuardParams | undefined) => boolean;

export interface ActionArgs {
  context: SessionContext;
  backend: InvitationBackend;
  policy: Policy;
  clock: Clock;
  signal: AbortSignal;
}

/**
 * A named step action. Most call the backend; `requires` names the capability without which
 * the step disappears. The result is merged into the session's facts.
 */
export interface FlowAction {
  requires: readonly Capability[];
  /**
   * Works on the session alone, without the backend: the same context always gives the same
   * answer, so its step must not offer Try again (`"retry": false`; checked by validateFlow).
   * @default false
   */
  local?: boolean;
  /**
   * Changes something outside the session (a mail goes out, a link stops working). Its step first
   * waits in `confirming` (a screen of its own, on the trail) and calls only on `action.confirm`:
   * the person presses twice. The confirmation's text is `diagnostics.confirm.<actionName>.{title,body,confirm}`.
   * @default false
   */
  sideEffect?: boolean;
  run(args: ActionArgs): Promise<Result<ActionOutput>>;
}

/** What an action adds to the session. `summary` goes into the transcript and must hold no secret. */
export interface ActionOutput {
  facts?: Facts;
  email?: string | null;
  summary?: Record<string, string | number | boolean | null>;
}

/** Names a flow file may use, resolved at load time. */
export interface FlowRegistry {
  guards: Readonly<Record<string, FlowGuard>>;
  actions: Readonly<Record<string, FlowAction>>;
}
