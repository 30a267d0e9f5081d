import type { DiagnosedInvitation } from '../../registry/InvitationVerdict.ts';

/**
 * One group action the person asked for from the health view: what to do and to exactly whom.
 * `resend`: resend every invitation in `rows`; `cancel`: withdraw them; `itTicket`: one ticket per
 * domain listing every affected address; `fixTypo`: cancel + re-invite at the suggested address
 * (one row at a time); `export`: a CSV of `rows`.
 */
export interface GroupActionRequest {
  action: 'resend' | 'cancel' | 'itTicket' | 'fixTypo';
  rows: DiagnosedInvitation[];
  /** What the group is called on screen ("Expired · 212"), for the dialog's heading. */
  label: string;
}
