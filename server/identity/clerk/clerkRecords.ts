import { z } from 'zod';

/**
 * The fields of Clerk's Backend API JSON the adapter reads (`InvitationJSON`, `UserJSON` in
 * `@clerk/backend`), checked on every answer: a shape we do not expect is a malformed answer, not
 * a user. Times are Unix milliseconds. `expires_at` is in Clerk's API reference though the SDK's
 * `InvitationJSON` type omits it, so it is read from the raw JSON and may be absent.
 */
export const clerkInvitationSchema = z.object({
  id: z.string().min(1),
  email_address: z.string(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  url: z.string().nullish(),
  public_metadata: z.record(z.string(), z.unknown()).nullish(),
  expires_at: z.number().nullish(),
  created_at: z.number(),
  updated_at: z.number(),
});

export type ClerkInvitationRecord = z.infer<typeof clerkInvitationSchema>;

export const clerkUserSchema = z.object({
  id: z.string().min(1),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  primary_email_address_id: z.string().nullish(),
  email_addresses: z.array(z.object({ id: z.string(), email_address: z.string() })),
  password_enabled: z.boolean(),
  enterprise_accounts: z.array(z.object({ active: z.boolean().optional() })).nullish(),
  saml_accounts: z.array(z.object({ active: z.boolean().optional() })).nullish(),
  last_sign_in_at: z.number().nullable(),
  banned: z.boolean(),
  locked: z.boolean(),
  deprovisioned: z.boolean().nullish(),
  created_at: z.number(),
});

export type ClerkUserRecord = z.infer<typeof clerkUserSchema>;

/** The raw JSON behind an SDK resource (`Invitation.raw`, `User.raw`), checked against `schema`. */
export function readClerkRecord<T>(schema: z.ZodType<T>, resource: unknown): T {
  const raw = (resource as { raw?: unknown } | null)?.raw;
  return schema.parse(raw);
}

/** The address a Clerk user is known by: the primary one, else the first, lower-cased. */
export function clerkUserEmail(user: ClerkUserRecord): string {
  const primary = user.email_addresses.find((address) => address.id === user.primary_email_address_id) ?? user.email_addresses[0];
  return (primary?.email_address ?? '').trim().toLowerCase();
}
