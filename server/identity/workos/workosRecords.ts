import { z } from 'zod';

/**
 * The fields of the SDK's deserialised `Invitation`, `User` and `OrganizationMembership` the
 * adapter reads, checked on every answer (a shape we do not expect is a malformed answer). Times
 * are ISO-8601 strings, as WorkOS sends them.
 */
export const workosInvitationSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  state: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  expiresAt: z.string(),
  organizationId: z.string().nullable(),
  acceptedUserId: z.string().nullish(),
  acceptInvitationUrl: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkosInvitationRecord = z.infer<typeof workosInvitationSchema>;

export const workosUserSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type WorkosUserRecord = z.infer<typeof workosUserSchema>;

export const workosMembershipSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  userId: z.string(),
  status: z.enum(['active', 'inactive', 'pending']),
});
export type WorkosMembershipRecord = z.infer<typeof workosMembershipSchema>;
