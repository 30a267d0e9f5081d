/** Who is calling: an admin may act on everyone, a team manager only on their own team. */
export type Role = { kind: 'admin' } | { kind: 'team-manager'; team: string };

/** True when `role` may see and act on users of `team`. */
export function canActOnTeam(role: Role, team: string): boolean {
  return role.kind === 'admin' || role.team === team;
}
