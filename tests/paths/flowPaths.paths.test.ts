import { capabilityVariants, describeFlowPaths, shippedFlows } from '../support/flowPathSuite.ts';

/**
 * Model-based tests, the exhaustive part (`npm run test:paths`, its own CI gate): every simple
 * path through every shipped flow, replayed on the real compiled machine, for the two extremes of
 * backend capabilities (all and none), with the same step and edge coverage check. The variants
 * lacking one capability share their paths with the full flow except where a step is redirected;
 * npm test replays a set of paths covering every edge of each (tests/unit/flows/flowPaths.test.ts).
 */
const capabilitySets = capabilityVariants('all').filter((set) => set.name === 'every capability' || set.name === 'no optional capability');

for (const flow of shippedFlows()) describeFlowPaths(flow, capabilitySets);
