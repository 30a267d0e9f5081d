import { useEffect, useRef, useState } from 'react';
import { createActor, type Actor } from 'xstate';
import type { FlowMachine, SessionInput } from '../engine/index.ts';

/**
 * One actor per mounted runner, started on mount and stopped on unmount. The stop waits a tick:
 * React's strict mode unmounts and remounts every effect once in development, and stopping then
 * would abort a backend call in flight, whose "aborted" answer would then land in the restarted
 * session as a failure. (`useActorRef` stops and rehydrates, which has exactly that effect.)
 */
export function useSessionActor(machine: FlowMachine, input: SessionInput, snapshot: unknown): Actor<FlowMachine> {
  const [actor] = useState(() => createActor(machine, { input, ...(snapshot ? { snapshot: snapshot as never } : {}) }));
  const pendingStop = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    clearTimeout(pendingStop.current);
    actor.start();
    return () => {
      pendingStop.current = setTimeout(() => actor.stop(), 0);
    };
  }, [actor]);
  return actor;
}
