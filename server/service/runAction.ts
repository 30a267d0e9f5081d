import type { Transaction } from 'kysely';
import type { BackendError } from '../../src/engine/BackendError.ts';
import { err, type Result } from '../../src/engine/Result.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { takePendingMail } from '../mail/outbox/pendingMail.ts';
import type { Database } from '../store/Database.ts';
import type { Principal } from './Principal.ts';
import type { ServiceContext } from './ServiceContext.ts';

/** A request's view of the service: who calls, and the request id their audit rows carry. */
export interface ActionCaller {
  principal: Principal;
  requestId: string;
}

/** Thrown inside the transaction to roll it back with a typed error for the caller. */
class Refused {
  constructor(readonly error: BackendError) {}
}

/**
 * Runs one action as one transaction with its audit row inside it: either the change and its
 * audit row are both committed, or neither is. A refused action (a typed error) rolls back
 * whatever it touched and is audited on its own, so refusals (429s, not_found) are visible too.
 * A database failure resolves `unavailable` and is reported to `context.onError`.
 */
export async function runAction<T>(
  context: ServiceContext,
  caller: ActionCaller,
  operation: string,
  target: string | null,
  apply: (trx: Transaction<Database>, now: Date) => Promise<Result<T>>,
): Promise<Result<T>> {
  const now = new Date(context.clock());
  const audit = { at: now, requestId: caller.requestId, principal: caller.principal, operation, target };
  try {
    let committed: Transaction<Database> | null = null;
    const result = await context.db.transaction().execute(async (trx) => {
      const result = await apply(trx, now);
      if (!result.ok) throw new Refused(result.error);
      await recordAudit(trx, { ...audit, result: 'ok' });
      committed = trx;
      return result;
    });
    // The action's mails are queued with it; their first attempt follows the commit at once and
    // the answer waits for it (at most about 2 s), so the caller usually sees its outcome.
    if (committed) await context.mailWorker?.sendNow(takePendingMail(committed));
    return result;
  } catch (thrown) {
    if (!(thrown instanceof Refused)) {
      context.onError(thrown, operation);
      return err({ kind: 'unavailable', cause: 'server', status: 503, message: 'The server could not reach its database; nothing was changed. Try again in a moment.' });
    }
    await recordAudit(context.db, { ...audit, result: thrown.error.kind }).catch((error: unknown) => context.onError(error, `${operation} audit`));
    return err(thrown.error);
  }
}

/** Runs a read; a database failure resolves `unavailable`. */
export async function runRead<T>(context: ServiceContext, operation: string, read: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await read();
  } catch (thrown) {
    context.onError(thrown, operation);
    return err({ kind: 'unavailable', cause: 'server', status: 503, message: 'The server could not reach its database. Try again in a moment.' });
  }
}
