import { createMemoryBackend, demoSeed } from '../../../src/adapters/index.ts';
import { describeBackendConformance } from './describeBackendConformance.ts';

describeBackendConformance('memory', async () => {
  let now = Date.parse('2025-03-10T09:00:00.000Z');
  const backend = createMemoryBackend(demoSeed, () => now);
  const tokens = new Map<string, string>();
  return {
    backend,
    controls: {
      setRole: (role) => backend.setRole(role),
      advance: (ms) => {
        now += ms;
      },
      reset: () => backend.reset(),
      now: () => now,
      injectFault: (operation, error) => backend.injectFault(operation, error),
      async openInviteLink(email) {
        const found = await backend.findUser(email);
        const link = found.ok && found.value ? await backend.getInviteLink(found.value.id) : null;
        if (link?.ok) tokens.set(email, link.value.url.split('/').at(-1) ?? '');
        const token = tokens.get(email);
        if (!token) throw new Error(`no invite link for ${email}`);
        const accepted = backend.acceptInvite(token);
        if (!accepted.ok) throw new Error(`the link of ${email} was refused: ${accepted.error.kind}`);
      },
    },
    close: async () => {},
  };
});
