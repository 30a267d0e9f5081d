/** One thing wrong with a flow file, located precisely enough to fix it. */
export interface FlowProblem {
  /** The flow file (or flow id when no file is known). */
  file: string;
  /** The step id, or `(flow)` for problems of the whole file. */
  step: string;
  code: FlowProblemCode;
  message: string;
}

export type FlowProblemCode =
  | 'invalid-json'
  | 'schema'
  | 'unknown-target'
  | 'unknown-guard'
  | 'unknown-action'
  | 'unknown-flow'
  | 'unreachable'
  | 'no-way-out'
  | 'missing-error-edge'
  | 'pointless-retry'
  | 'missing-translation'
  | 'duplicate-option'
  | 'unsupported-cycle'
  | 'no-options-left';

/** `file: step: message`, the line format of `npm run flows:check`. */
export function formatFlowProblem(problem: FlowProblem): string {
  return `${problem.file}: ${problem.step}: ${problem.message}`;
}
