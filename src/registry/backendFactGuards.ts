import type { FlowGuard } from '../engine/index.ts';

/** Guards for the backendFact branches of the invitation flows (issue 12). */
export const backendFactGuards: Record<string, FlowGuard> = {};
