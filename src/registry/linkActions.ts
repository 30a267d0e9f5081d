import type { FlowAction } from '../engine/index.ts';

/** Actions for the link branches of the invitation flows (issue 12). */
export const linkActions: Record<string, FlowAction> = {};
