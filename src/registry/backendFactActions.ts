import type { FlowAction } from '../engine/index.ts';

/** Actions for the backendFact branches of the invitation flows (issue 12). */
export const backendFactActions: Record<string, FlowAction> = {};
