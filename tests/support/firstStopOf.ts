import { createActor, waitFor } from 'xstate';
import { compileFlow, currentStep, type Capability, type DeliveryEvent, type InvitationBackend } from '../../src/engine/index.ts';
import { ok } from '../../src/engine/Result.ts';
import type { IdentitySource } from '../../server/identity/IdentitySource.ts';
import { loadShippedFlow, benchRegistry } from './shippedFlowBench.ts';

const flow = loadShippedFlow('invite-not-received.json');

/**
 * An identity source as the engine's backend, the way the server combines it when no delivery
 * evidence has been recorded: the provider's own delivery knowledge (if any) is the whole log, and
 * since nothing this test does goes through the server's own mail, an empty log is "not known".
 */
export function identityOnlyBackend(source: IdentitySource): InvitationBackend {
  const capabilities = new Set<Capability>([...source.capabilities(), 'deliveryLog', 'sendingStatus']);
  return {
    capabilities: () => capabilities,
    describe: () => ({ ...source.describe(), deliveryEvidence: source.deliveryEvents ? [source.describe().identity] : [] }),
    findUser: (email, options) => source.findUser(email, options),
    resendInvite: (userId, options) => source.resendInvite(userId, options),
    getInviteLink: (userId, options) => source.getInviteLink(userId, options),
    sendPasswordReset: (userId, options) => source.sendPasswordReset(userId, options),
    cancelInvite: (userId, options) => source.cancelInvite(userId, options),
    inviteUser: (email, options) => source.inviteUser(email, options),
    deliveryEvents: (email, options) => (source.deliveryEvents ? source.deliveryEvents(email, options) : Promise.resolve(ok<DeliveryEvent[]>([]))),
    ...(source.listInvitations ? { listInvitations: (filter, options) => source.listInvitations!(filter, options) } : {}),
    sendingStatus: async () => ok({ configured: true, provider: source.describe().identityName, problem: null, sendsLogged: false }),
  };
}

/**
 * Where the wizard (invite-not-received, as shipped) first stops for `email` on `backend`: the
 * first step it shows after its automatic checks and reads. It never confirms a side effect, so
 * it changes nothing at the provider.
 */
export async function firstStopOf(backend: InvitationBackend, email: string): Promise<string> {
  const compiled = compileFlow(flow, { registry: benchRegistry, backend, clock: Date.now });
  if (!compiled.ok) throw new Error(compiled.problems.map((problem) => problem.message).join('\n'));
  const actor = createActor(compiled.compiled.machine, { input: { email } }).start();
  try {
    await waitFor(actor, (snapshot) => {
      const here = currentStep(compiled.compiled.flow, snapshot);
      return Boolean(here && !here.running && (here.failed || here.confirming || here.step.kind !== 'action'));
    }, { timeout: 20_000 });
    const here = currentStep(compiled.compiled.flow, actor.getSnapshot());
    if (here?.failed) throw new Error(`${here.id} failed: ${JSON.stringify(actor.getSnapshot().context.lastError)}`);
    return here!.id;
  } finally {
    actor.stop();
  }
}
