import type { BackendError } from '../../engine/BackendError.ts';
import type { InvitationBackend } from '../../engine/InvitationBackend.ts';

/** An operation name, or `*` for any operation. */
export type FaultTarget = keyof InvitationBackend | '*';

/** Scripted failures for demos and UI tests: the next N calls of an operation fail. */
export interface FaultQueue {
  inject(target: FaultTarget, error: BackendError, times: number): void;
  clear(): void;
  /** The error the next call of `operation` must fail with, consuming one use; operation-specific faults first. */
  take(operation: keyof InvitationBackend): BackendError | undefined;
}

export function createFaultQueue(): FaultQueue {
  let faults: { target: FaultTarget; error: BackendError; left: number }[] = [];
  const takeFrom = (target: FaultTarget) => {
    const fault = faults.find((candidate) => candidate.target === target && candidate.left > 0);
    if (!fault) return undefined;
    fault.left -= 1;
    faults = faults.filter((candidate) => candidate.left > 0);
    return { ...fault.error };
  };
  return {
    inject(target, error, times) {
      if (times > 0) faults.push({ target, error: { ...error }, left: times });
    },
    clear() {
      faults = [];
    },
    take(operation) {
      return takeFrom(operation) ?? takeFrom('*');
    },
  };
}
