import type { Kysely } from 'kysely';
import type { Database } from '../store/Database.ts';
import type { Principal } from '../service/Principal.ts';

/** One line of the audit trail. `target` is a user id or an address; never a link, token or key. */
export interface AuditRecord {
  at: Date;
  requestId: string;
  /** Null for a caller without a key (a refused sign-in). */
  principal: Principal | null;
  operation: string;
  target: string | null;
  /** `ok`, or the error kind the caller got. */
  result: string;
}

/** Writes the audit row, inside the caller's transaction when it passes one. */
export async function recordAudit(db: Kysely<Database>, record: AuditRecord): Promise<void> {
  const role = record.principal?.role ?? null;
  await db
    .insertInto('auditLog')
    .values({
      at: record.at,
      requestId: record.requestId,
      keyId: record.principal?.keyId ?? null,
      role: role?.kind ?? null,
      team: role?.kind === 'team-manager' ? role.team : null,
      operation: record.operation,
      target: record.target,
      result: record.result,
    })
    .execute();
}
