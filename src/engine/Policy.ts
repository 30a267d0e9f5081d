/**
 * Product policy: the differences between products are configuration, not forks of a flow.
 * Defaults follow the common practice described in the seed articles.
 */
export interface Policy {
  /** How long an invite link stays valid. @default 7 days */
  inviteExpiryMs: number;
  /** Minimum time between two resends to the same person. @default 15 minutes */
  resendCooldownMs: number;
  /** How long delivery may normally take before it is worth worrying. @default 5 minutes */
  deliveryWindowMs: number;
  /** How long a password-reset link stays valid. @default 6 hours */
  resetLinkExpiryMs: number;
  /** The address invitation emails come from; people search their spam for it. */
  senderAddress: string;
  /** Where escalations go. */
  supportContact: string;
  /** Whether the organisation signs people in through single sign-on. @default false */
  ssoEnabled: boolean;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

export const defaultPolicy: Policy = {
  inviteExpiryMs: 7 * day,
  resendCooldownMs: 15 * minute,
  deliveryWindowMs: 5 * minute,
  resetLinkExpiryMs: 6 * hour,
  senderAddress: 'invitations@app.example.com',
  supportContact: 'support@app.example.com',
  ssoEnabled: false,
};

/** Fills unspecified fields with the defaults. */
export function createPolicy(overrides: Partial<Policy> = {}): Policy {
  return { ...defaultPolicy, ...overrides };
}
