/** What a key may do: everything, or the users of one team. */
export type ServerRole = { kind: 'admin' } | { kind: 'team-manager'; team: string; /** The team's name, shown instead of its id where the server knows it. */ teamName?: string };

/** Who the server says is signed in (`GET /v1/me`, or the answer to a one-time code). */
export interface ServerIdentity {
  role: ServerRole;
  /** The key's label, when the server gave one. */
  label: string | null;
  /** When the key stops working (ISO 8601); null: it does not expire. */
  expiresAt: string | null;
}

/** Reads an identity from a response body; null when it does not have the documented shape. */
export function parseServerIdentity(body: unknown): ServerIdentity | null {
  if (typeof body !== 'object' || body === null) return null;
  const { role, label, expiresAt } = body as Record<string, unknown>;
  const parsedRole = parseRole(role);
  if (!parsedRole) return null;
  return {
    role: parsedRole,
    label: typeof label === 'string' ? label : null,
    expiresAt: typeof expiresAt === 'string' ? expiresAt : null,
  };
}

function parseRole(role: unknown): ServerRole | null {
  if (typeof role !== 'object' || role === null) return null;
  const { kind, team, teamName } = role as Record<string, unknown>;
  if (kind === 'admin') return { kind };
  if (kind === 'team-manager' && typeof team === 'string') return typeof teamName === 'string' && teamName ? { kind, team, teamName } : { kind, team };
  return null;
}
