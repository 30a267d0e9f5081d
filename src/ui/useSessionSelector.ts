import { useSelector } from '@xstate/react';
import type { SnapshotFrom } from 'xstate';
import type { FlowMachine } from '../engine/index.ts';
import { useFlowSession } from './useFlowSession.ts';

export type SessionSnapshot = SnapshotFrom<FlowMachine>;

/** A narrow read of the running session; the component re-renders only when the value changes. */
export function useSessionSelector<T>(selector: (snapshot: SessionSnapshot) => T, compare?: (a: T, b: T) => boolean): T {
  const { actor } = useFlowSession();
  return useSelector(actor, selector, compare);
}
