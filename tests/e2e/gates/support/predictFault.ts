import { waitFor } from 'xstate';
import { currentStep, failedNodeId, type Flow } from '../../../../src/engine/index.ts';
import { nodeOf, replayRoute, type RouteFault, type RouteScreen, type StepRoute } from '../../../support/findStepRoutes.ts';

export interface FaultPrediction {
  /** The screens on the way, ending where the fault lands. */
  screens: RouteScreen[];
  landing: RouteScreen;
  /** It landed on the action step's failed screen (the flow does not route this error). */
  failed: boolean;
  /** After a reload (a fresh demo backend) and Try again: the next screen (a side effect's confirmation, where it leads into one). */
  afterRetry: RouteScreen | null;
}

/**
 * What the app must do when `fault` hits the call of action step `stepId` on `route`, played in
 * Node on the real machine: where the session lands, and where Try again then leads. Fails when
 * the fault would hit another call first, so a scenario never tests the wrong step.
 */
export async function predictFault(flow: Flow, route: StepRoute, stepId: string, fault: RouteFault): Promise<FaultPrediction> {
  const run = await replayRoute(flow, { ...route, faults: [...route.faults, fault] }, { restAfter: stepId });
  try {
    const errors = run.actor.getSnapshot().context.transcript.filter((entry) => entry.type === 'error');
    const last = errors.at(-1);
    if (last?.stepId !== stepId || last.error.kind !== fault.error.kind) {
      throw new Error(`the ${fault.operation} fault did not hit ${stepId} but ${last ? `${last.stepId} (${last.error.kind})` : 'nothing'}`);
    }
    const landing = run.screens.at(-1) as RouteScreen;
    const failed = landing.node === failedNodeId(stepId);
    let afterRetry: RouteScreen | null = null;
    if (failed) {
      // A reload starts a fresh demo backend (the fault is not re-applied); the saved session resumes.
      run.backend.reset();
      run.actor.send({ type: 'action.retry' });
      await waitFor(run.actor, (snapshot) => !currentStep(run.compiled.flow, snapshot)?.running, { timeout: 2000 });
      // Try again may lead straight into the next side effect, which waits on its confirmation.
      const after = run.actor.getSnapshot();
      afterRetry = { node: nodeOf(after.value), ...(after.hasTag('confirming') ? { confirming: true as const } : {}) };
    }
    return { screens: run.screens, landing, failed, afterRetry };
  } finally {
    run.actor.stop();
  }
}
