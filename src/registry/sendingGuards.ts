import type { FlowGuard } from '../engine/index.ts';

/** Guards for the sending branches of the invitation flows (issue 12). */
export const sendingGuards: Record<string, FlowGuard> = {};
