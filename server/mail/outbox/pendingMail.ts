import type { Transaction } from 'kysely';
import type { Database } from '../../store/Database.ts';

const pending = new WeakMap<Transaction<Database>, string[]>();

/** Notes that `trx` queued the mail `messageId`, so its first attempt can follow the commit at once. */
export function notePendingMail(trx: Transaction<Database>, messageId: string): void {
  const list = pending.get(trx) ?? [];
  list.push(messageId);
  pending.set(trx, list);
}

/** The mails `trx` queued (once: the list is emptied). */
export function takePendingMail(trx: Transaction<Database>): string[] {
  const list = pending.get(trx) ?? [];
  pending.delete(trx);
  return list;
}
