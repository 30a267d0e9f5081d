import { defaultOrganisationSize, demoOrganisation } from './demoOrganisation.ts';
import type { MailRules, MemorySeedFactory } from './MemorySeed.ts';

/**
 * `seed` with a generated organisation of `size` more people added (see demoOrganisation): its
 * users, delivery and link events, suppressions and mail rules join the seed's, whose own people,
 * default team and sending setup stay exactly as they were. `size` 0 is the seed itself.
 */
export function withDemoOrganisation(seed: MemorySeedFactory, size = defaultOrganisationSize): MemorySeedFactory {
  if (size <= 0) return seed;
  return (now, policy) => {
    const base = seed(now, policy);
    const added = demoOrganisation(now, policy, size);
    return {
      ...base,
      users: [...base.users, ...added.users],
      events: [...base.events, ...added.events],
      suppressed: [...base.suppressed, ...added.suppressed],
      linkEvents: [...(base.linkEvents ?? []), ...(added.linkEvents ?? [])],
      mail: mergeMailRules(base.mail, added.mail),
    };
  };
}

function mergeMailRules(base: MailRules, added: MailRules): MailRules {
  return {
    noMxDomains: [...base.noMxDomains, ...added.noMxDomains],
    unknownMailboxes: [...base.unknownMailboxes, ...added.unknownMailboxes],
    blockingDomains: [...base.blockingDomains, ...added.blockingDomains],
    deferringDomains: [...base.deferringDomains, ...added.deferringDomains],
    fullMailboxes: [...(base.fullMailboxes ?? []), ...(added.fullMailboxes ?? [])],
  };
}
