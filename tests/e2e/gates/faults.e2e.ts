import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hasFailedScreen, type ActionStep, type BackendError } from '../../../src/engine/index.ts';
import { errorKey } from '../../../src/ui/describeBackendError.ts';
import { launchBrowser } from '../support/launchBrowser.ts';
import { createAppText } from './support/createAppText.ts';
import { demoQuery } from './support/demoQuery.ts';
import { loadFlowRoutes } from './support/loadFlowRoutes.ts';
import { predictFault } from './support/predictFault.ts';
import { RoutePage } from './support/RoutePage.ts';

/**
 * Backend faults on every action step of every shipped flow, in Chromium. For each action step
 * (from the flow data) and each way a call fails in practice, the app is opened on the route to
 * that step with `?fault=` for the step's backend operation; the route is followed through the
 * UI; then: a clear message (the failed screen's error and what to do next, or the step the flow
 * routes that error to), a session that survives (header and heading; a reload resumes it), and
 * for the failed screen a Try again that leads on.
 */
const faultKinds: { name: string; error: BackendError }[] = [
  { name: 'timeout', error: { kind: 'unavailable', cause: 'timeout' } },
  { name: '5xx', error: { kind: 'unavailable', cause: 'server', status: 503 } },
  { name: '403', error: { kind: 'not_permitted' } },
  { name: '429 retry-after', error: { kind: 'rate_limited', retryAfterMs: 120_000 } },
  { name: 'network down', error: { kind: 'unavailable', cause: 'network' } },
];

const shipped = await loadFlowRoutes();
const text = createAppText('en');
const actionSteps = shipped.flatMap(({ flow, found }) =>
  Object.entries(flow.steps).flatMap(([stepId, step]) => (step.kind === 'action' ? [{ flow, found, stepId, step, operation: found.operations.get(stepId)?.[0] }] : [])),
);
const withBackend = actionSteps.filter((action) => action.operation);
const local = actionSteps.filter((action) => !action.operation);
const outcomes: { scenario: string; landed: string }[] = [];
const shot = new Set<string>();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  const failed = outcomes.filter((outcome) => outcome.landed === 'failed screen').length;
  console.log(
    `fault scenarios: ${outcomes.length} of ${withBackend.length * faultKinds.length} ran ` +
      `(${withBackend.length} action steps calling the backend × ${faultKinds.length} kinds, ${shipped.length} flows); ` +
      `${failed} on the failed screen with Try again, ${outcomes.length - failed} routed to a step of their own: ` +
      outcomes.filter((outcome) => outcome.landed !== 'failed screen').map((outcome) => `${outcome.scenario} → ${outcome.landed}`).join('; ') +
      `. No backend call to fail (local actions): ${local.map((action) => `${action.flow.id} › ${action.stepId}`).join(', ') || 'none'}`,
  );
});


/**
 * Steps whose fault walk does not replay in Chromium yet, skipped by name with the reason in the
 * test title. `lookupPastedUser` is reached only through the `deliveryError` flow entry, which the
 * UI sends from agent mode's paste dialog; the page walk starts sessions from the start page or
 * /flows/<id> only (RoutePage has no move for `flow.enter`). Its error route (retry: false, on to
 * routeByDelivery) is replayed in Node (tests/paths/findStepRoutes, tests/unit/flows).
 * Not a product decision: walking it through the paste dialog is the work left.
 */
const faultsNotWalkedYet: Readonly<Record<string, string>> = {
  lookupPastedUser: 'reached only through a flow entry (agent mode\'s paste dialog), which the page walk does not replay yet',
};

describe('every action step survives every kind of backend fault', () => {
  it('has a route to every action step and knows which backend operation each calls', () => {
    for (const { flow, found, stepId } of actionSteps) expect(found.routes.has(stepId), `${flow.id} › ${stepId}`).toBe(true);
    expect(withBackend.length).toBeGreaterThan(0);
  });

  for (const { flow, found, stepId, step, operation } of withBackend) {
    for (const kind of faultKinds) {
      const scenario = `${flow.id} › ${stepId} (${operation}) › ${kind.name}`;
      const pending = faultsNotWalkedYet[stepId];
      if (pending) {
        // Said plainly in the output, never silently: these scenarios are still to be walked.
        it.skip(`${scenario} (not walked yet: ${pending})`, () => undefined);
        continue;
      }
      it(scenario, async () => {
        const route = found.routes.get(stepId);
        if (!route || !operation) throw new Error(`no route to ${stepId}`);
        const fault = { operation, error: kind.error };
        const expected = await predictFault(flow, route, stepId, fault);
        // The flow data decides: an error kind the step routes goes to its step, any other to the
        // failed screen (or, for a step that is not retried, straight on to errors.other).
        const failedScreen = hasFailedScreen(step as ActionStep) && !(step as ActionStep).errors?.[kind.error.kind];
        expect(expected.failed, 'failed screen iff the step does not route the error').toBe(failedScreen);

        const session = await RoutePage.open(browser, flow, text, route, { query: demoQuery(route, { faults: [...route.faults, fault] }) });
        const { page } = session;
        try {
          await session.walk(expected.screens);
          await expectClearMessage(session, expected.landing, step as ActionStep, kind.error, expected.failed);
          await expect.poll(() => page.getByRole('banner').isVisible()).toBe(true);
          if (!shot.has(kind.name)) {
            shot.add(kind.name);
            await session.shot(`faults-${kind.name.replace(/\W+/g, '-')}-${flow.id}-${stepId}`);
          }

          await page.reload();
          await session.expectScreen(expected.landing);
          expect(await page.getByRole('banner').isVisible(), 'header after a reload').toBe(true);

          if (expected.afterRetry) {
            await page.getByRole('button', { name: text.text('app.action.retry'), exact: true }).click();
            await session.expectScreen(expected.afterRetry);
          }
        } finally {
          await session.close();
        }
        outcomes.push({ scenario, landed: expected.failed ? 'failed screen' : expected.landing.node });
      });
    }
  }
});

/** The error in plain words and what to do next, with no template or raw value showing. */
async function expectClearMessage(session: RoutePage, landing: { node: string; error?: BackendError }, step: ActionStep, error: BackendError, failed: boolean) {
  const { page } = session;
  const main = page.getByRole('main');
  const key = `app.errors.${errorKey(error)}`;
  if (failed) {
    await main.getByText(text.pattern(`${key}.next`)).waitFor();
    // Which call failed, above the error; screen readers hear "<call> did not work." from the live region.
    await main.locator('p').filter({ hasText: text.pattern(step.title ?? '') }).waitFor();
    await expect.poll(() => page.getByTestId('live-region').textContent()).toMatch(text.pattern('app.announce.failed'));
    expect(await page.getByRole('button', { name: text.text('app.action.retry'), exact: true }).isVisible(), 'Try again').toBe(true);
    expect(await page.getByRole('button', { name: text.text('app.action.continueWithout'), exact: true }).count(), 'Continue without it').toBe(step.errors?.other ? 1 : 0);
  } else {
    const target = session.flow.steps[landing.node];
    // A step that shows the error says it in the same words as the failed screen would, but its
    // advice points at neither Try again nor Continue without it: this step has no such buttons.
    if (target?.facts?.includes('error')) {
      await main.getByRole('heading', { level: 2, name: text.text(`${key}.title`) }).waitFor();
      await main.getByText(text.pattern(`${key}.nextOnStep`)).waitFor();
      if (text.text(`${key}.next`) !== text.text(`${key}.nextOnStep`)) {
        expect(await main.getByText(text.pattern(`${key}.next`)).count(), 'the failed screen\'s advice').toBe(0);
      }
    }
    expect(await page.getByRole('button', { name: text.text('app.action.retry'), exact: true }).count(), 'Try again off the failed screen').toBe(0);
  }
  const shown = (await main.innerText()).replace(/\s+/g, ' ');
  for (const raw of ['{{', 'undefined', 'NaN', '[object Object]', 'Invalid Date']) expect(shown, `"${raw}" on the page`).not.toContain(raw);
}
