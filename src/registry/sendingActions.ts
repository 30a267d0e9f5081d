import type { FlowAction } from '../engine/index.ts';

/** Actions for the sending branches of the invitation flows (issue 12). */
export const sendingActions: Record<string, FlowAction> = {};
