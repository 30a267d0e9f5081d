import type { BackendError, Capability, InvitationEvidence } from '../../engine/index.ts';
import type { DiagnosedInvitation } from '../../registry/InvitationVerdict.ts';

/**
 * What the invite-health page knows, as `useInvitationHealth` loads it: every invitation the
 * backend lists (paged), the evidence for each (batched), each diagnosed once.
 */
export type InvitationHealth =
  | { state: 'loading'; phase: 'listing' | 'evidence'; loaded: number; total: number | null }
  | { state: 'unsupported'; missing: Capability[] }
  | { state: 'failed'; error: BackendError; retry(): void }
  | {
      state: 'ready';
      rows: DiagnosedInvitation[];
      /** By normalised address. */
      evidence: ReadonlyMap<string, InvitationEvidence>;
      /** The `now` every verdict was computed at (epoch ms). */
      diagnosedAt: number;
      reload(): void;
    };
