import type { FlowGuard } from '../engine/index.ts';

/** Guards for the link branches of the invitation flows (issue 12). */
export const linkGuards: Record<string, FlowGuard> = {};
