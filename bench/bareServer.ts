import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { issueInviteLink } from '../server/service/issueInviteLink.ts';
import { takePendingMail } from '../server/mail/outbox/pendingMail.ts';
import { sendMail } from '../server/service/sendMail.ts';
import type { ServiceContext } from '../server/service/ServiceContext.ts';

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The baseline the server is compared with: a plain `node:http` handler on the same database
 * (the same kysely instance, so the same PGlite or the same pg pool) running the same statements,
 * and nothing else: no framework, no API-key lookup, no request id, no schema validation, no
 * address parsing, no audit row, no cooldown.
 *
 * - `GET /users?email=` is the server's `findUserRow`: one select of the user by address.
 * - `POST /users/{id}/resend` is the statements of `resendInvite` in one transaction: lock the
 *   user, update their row, retire the old link and store the new one (`issueInviteLink`), check
 *   the suppression list and queue the mail (`sendMail`); after the commit, the mail's first
 *   attempt through the outbox worker (claim, send, store its events), as the server answers after it.
 */
export async function startBareServer(service: ServiceContext): Promise<BareServer> {
  const { db } = service;
  const server = http.createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const url = new URL(request.url ?? '/', 'http://bare');
    const resend = /^\/users\/([^/]+)\/resend$/.exec(url.pathname);
    let work: Promise<unknown>;
    if (request.method === 'GET' && url.pathname === '/users') {
      const email = url.searchParams.get('email') ?? '';
      work = db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst().then((user) => reply(200, { user: user ?? null }));
    } else if (request.method === 'POST' && resend?.[1]) {
      const userId = decodeURIComponent(resend[1]);
      let committed: Parameters<typeof takePendingMail>[0] | null = null;
      work = db.transaction().execute(async (trx) => {
        const now = new Date(service.clock());
        const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).forUpdate().executeTakeFirst();
        if (!user) return null;
        const generation = user.linkGeneration + 1;
        const expiresAt = new Date(now.getTime() + service.policy.inviteExpiryMs);
        await trx.updateTable('users').set({ lastSentAt: now, expiresAt, linkGeneration: generation }).where('id', '=', user.id).execute();
        const link = await issueInviteLink(service, trx, user.id, generation, now);
        await sendMail(service, trx, { to: user.email, purpose: 'invitation', link }, now, { force: true });
        committed = trx;
        return { sentAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
      })
        .then(async (sent) => {
          if (committed) await service.mailWorker?.sendNow(takePendingMail(committed));
          return sent;
        })
        .then((sent) => (sent ? reply(200, sent) : reply(404, { error: 'no such user' }))); // answered after the commit and the first attempt, as the server does
    } else {
      work = Promise.resolve(reply(404, { error: 'no such route' }));
    }
    work.catch((error: unknown) => reply(500, { error: String(error) }));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
