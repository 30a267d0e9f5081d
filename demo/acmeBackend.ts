import { createMemoryBackend, demoSeed } from '../src/adapters/index.ts';
import type { InvitationBackend, InvitedUser } from '../src/engine/index.ts';

/** The people in Acme's own system: a subset of the demo stories, one per typical ticket. */
const acmePeople = new Set(['usr_ana', 'usr_ben', 'usr_cara', 'usr_dan', 'usr_eve', 'usr_finn', 'usr_hana', 'usr_jo', 'usr_kim', 'usr_lee']);

export interface AcmeBackend {
  /** What the host hands to the widget: its own InvitationBackend, logging every call. */
  backend: InvitationBackend;
  /** The host's user list, for its own table. */
  people(): Promise<InvitedUser[]>;
  /** Called after every change (a resend, a reset), so the table can refresh. */
  subscribe(listener: () => void): () => void;
}

/**
 * Acme's backend: an in-memory invitation system with Acme's people, wrapped so every call the
 * widget makes shows up in the page's log. A real host would call its own API here.
 */
export function createAcmeBackend(log: (line: string) => void): AcmeBackend {
  let emails: string[] = [];
  const memory = createMemoryBackend(
    (now, policy) => {
      const seed = demoSeed(now, policy);
      const users = seed.users.filter((user) => acmePeople.has(user.id));
      emails = users.map((user) => user.email);
      return { ...seed, users };
    },
    undefined,
    { latencyMs: 300 },
  );
  const logged = <A extends unknown[], R extends { ok: boolean }>(name: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await call(...args);
      log(`backend ${name}(${String(args[0] ?? '')}) → ${result.ok ? 'ok' : `error ${(result as unknown as { error: { kind: string } }).error.kind}`}`);
      return result;
    };
  const backend: InvitationBackend = {
    capabilities: () => memory.capabilities(),
    findUser: logged('findUser', memory.findUser),
    resendInvite: logged('resendInvite', memory.resendInvite),
    getInviteLink: logged('getInviteLink', memory.getInviteLink),
    sendPasswordReset: logged('sendPasswordReset', memory.sendPasswordReset),
    cancelInvite: logged('cancelInvite', memory.cancelInvite),
    inviteUser: logged('inviteUser', memory.inviteUser),
    deliveryEvents: logged('deliveryEvents', memory.deliveryEvents),
    clearSuppression: logged('clearSuppression', memory.clearSuppression),
  };
  return {
    backend,
    async people() {
      const found = await Promise.all(emails.map((email) => memory.findUser(email)));
      return found.flatMap((result) => (result.ok && result.value ? [result.value] : []));
    },
    subscribe: (listener) => memory.subscribe(listener),
  };
}
