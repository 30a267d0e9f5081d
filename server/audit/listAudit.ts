import type { Kysely } from 'kysely';
import type { Database } from '../store/Database.ts';

/** One audit row on the wire. */
export interface AuditEntry {
  id: string;
  at: string;
  requestId: string;
  keyId: string | null;
  role: 'admin' | 'team-manager' | null;
  team: string | null;
  operation: string;
  target: string | null;
  result: string;
}

export interface AuditQuery {
  target?: string;
  since?: Date;
  until?: Date;
  /** Rows older than this id (the previous page's cursor). */
  before?: bigint;
  limit: number;
}

/** The audit trail, newest first, keyset-paginated by id. */
export async function listAudit(db: Kysely<Database>, query: AuditQuery): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  let select = db.selectFrom('auditLog').selectAll();
  if (query.target !== undefined) select = select.where('target', '=', query.target);
  if (query.since) select = select.where('at', '>=', query.since);
  if (query.until) select = select.where('at', '<', query.until);
  if (query.before !== undefined) select = select.where('id', '<', query.before.toString());
  const rows = await select.orderBy('id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map((row) => ({
      id: String(row.id),
      at: row.at.toISOString(),
      requestId: row.requestId,
      keyId: row.keyId,
      role: row.role,
      team: row.team,
      operation: row.operation,
      target: row.target,
      result: row.result,
    })),
    nextCursor: rows.length > query.limit && page.length > 0 ? String(page.at(-1)?.id) : null,
  };
}
