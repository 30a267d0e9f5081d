import type { InvitationBackend } from '../../src/engine/InvitationBackend.ts';
import { loadConfig } from '../config/loadConfig.ts';
import { loadIdentityConfig } from '../config/loadIdentityConfig.ts';
import { loadMailConfig } from '../config/loadMailConfig.ts';
import { createInviteDoctorServer } from '../createInviteDoctorServer.ts';
import { createSmtpMailTransport } from '../mail/smtp/createSmtpMailTransport.ts';
import { createUnconfiguredMailTransport } from '../mail/smtp/createUnconfiguredMailTransport.ts';
import { openConfiguredStore } from '../openConfiguredStore.ts';
import { asInvitationBackend } from '../service/asInvitationBackend.ts';
import { serverPrincipal } from '../service/Principal.ts';

/**
 * The backend `npm run server` would serve, built from the same environment in this process
 * (for the doctor command): the same store, identity provider and delivery evidence, acting as
 * the server itself. It listens on nothing and sends no queued mail. On the embedded database the
 * server must be stopped first (one process owns its folder); on PostgreSQL both may run.
 */
export async function openConfiguredBackend(env: NodeJS.ProcessEnv): Promise<{ backend: InvitationBackend; close(): Promise<void> }> {
  const config = loadConfig([], env);
  const mailConfig = loadMailConfig(env);
  const identity = await loadIdentityConfig(env);
  if (identity.identity) config.seedDemo = false;
  const { store, secret } = await openConfiguredStore(config, 'the doctor command');
  try {
    const mail = mailConfig.smtp ? createSmtpMailTransport({ ...mailConfig, smtp: mailConfig.smtp }) : config.seedDemo ? undefined : createUnconfiguredMailTransport();
    const server = await createInviteDoctorServer({ store, secret, publicUrl: config.publicUrl, seedDemo: config.seedDemo, teamNames: config.teamNames, identity, logger: false, ...(mail ? { mail } : {}) });
    return {
      backend: asInvitationBackend(server.backend, serverPrincipal, 'doctor'),
      close: async () => {
        await server.app.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
