import type { BackendDescription } from '../engine/index.ts';
import { createContext } from 'react';
import type { Actor } from 'xstate';
import type { FactName, FlowMachine, Policy, ResolvedFlow } from '../engine/index.ts';

/** What every step view of a running session can reach. */
export interface FlowSession {
  actor: Actor<FlowMachine>;
  flow: ResolvedFlow;
  policy: Policy;
  /** What the backend says about itself, where it does (texts say only what is true there). */
  description?: BackendDescription | null;
  /** Says something through the runner's polite live region. */
  announce(message: string): void;
  /** Facts the surrounding layout already shows at a glance (agent mode's strip): step views leave their cards out. */
  factsShownBeside: readonly FactName[];
  /** A `flow` step hands the case over to another flow. */
  onJump?(flowId: string, email: string | null): void;
}

export const FlowSessionContext = createContext<FlowSession | null>(null);
