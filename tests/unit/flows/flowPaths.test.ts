import { capabilityVariants, describeFlowPaths, shippedFlows } from '../../support/flowPathSuite.ts';

/**
 * Model-based tests, the quick part (`npm test`): for every capability set a real product may
 * have (all, none, and each one missing), a set of paths generated from the flow data that walks
 * every edge of that variant, replayed on the real compiled machine; then every step and every
 * edge of the flow file must have been walked. Replaying every simple path (tens of thousands)
 * is its own gate: tests/paths/flowPaths.paths.test.ts, `npm run test:paths`.
 */
const capabilitySets = capabilityVariants('every edge');

for (const flow of shippedFlows()) describeFlowPaths(flow, capabilitySets, `paths through ${flow.id} covering every edge`);
