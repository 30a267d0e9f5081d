import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Flow } from '../../../src/engine/index.ts';
import { launchBrowser } from '../support/launchBrowser.ts';
import { createAppText } from './support/createAppText.ts';
import { demoQuery } from './support/demoQuery.ts';
import { loadFlowRoutes } from './support/loadFlowRoutes.ts';
import type { RouteScreen } from '../../support/findStepRoutes.ts';
import { keepWalks, planScreenWalks, type ScreenPlan } from './support/planScreenWalks.ts';
import { RoutePage } from './support/RoutePage.ts';

/**
 * axe (WCAG 2.0/2.1/2.2, A and AA) on every screen of every shipped flow, reached through the
 * real UI by the routes the Node search finds: every question, input, info, wait, outcome and
 * hand-over step, every action step's "working…" screen (held with `?hold=`), and every failed
 * screen. Checks pass in an instant and have no screen of their own; they are counted apart.
 * A walk checks each new screen it passes, so a long route covers many steps in one page.
 * Then the same again in German for a sample of the screens.
 */
const shipped = await loadFlowRoutes();
const plans: { flow: Flow; language: string; locale: string; plan: ScreenPlan }[] = [];
for (const { flow, found } of shipped) {
  const english = await planScreenWalks(flow, found, () => true);
  plans.push({ flow, language: 'en', locale: 'en-GB', plan: english });
}
for (const { flow } of shipped) {
  // German for a sample: the three longest walks and one call held, then failed; between them
  // every kind of screen, in a few pages.
  const english = plans.find((plan) => plan.flow === flow)?.plan as ScreenPlan;
  const sampled = [...english.walks.filter((walk) => walk.then).slice(0, 1), ...english.walks.filter((walk) => !walk.hold).slice(0, 3)];
  plans.push({ flow, language: 'de', locale: 'de-DE', plan: keepWalks(english, sampled) });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

for (const { flow, language, locale, plan } of plans) {
  const checked = new Set<string>();
  const violations: string[] = [];

  describe(`axe on every screen of ${flow.id} (${language})`, () => {
    for (const walk of plan.walks) {
      it(`walk to ${walk.route.node}${walk.then ? ' (call held, then failed)' : walk.hold ? ' (call held)' : ''}: ${walk.check.join(', ')}`, async () => {
        const faults = walk.then ? [...walk.route.faults, walk.then.fault] : walk.route.faults;
        const query = demoQuery(walk.route, { faults, ...(walk.hold ? { hold: walk.hold } : {}) });
        const session = await RoutePage.open(browser, flow, createAppText(language), walk.route, { query, locale });
        const here: string[] = [];
        const check = async (screen: RouteScreen) => {
          if (!walk.check.includes(screen.node) || checked.has(screen.node)) return;
          here.push(...(await session.axeViolations()).map((violation) => `${flow.id} › ${screen.node} (${language}): ${violation}`));
          checked.add(screen.node);
        };
        try {
          await session.walk(walk.screens, check);
          if (walk.then) {
            await session.releaseHeldCall();
            await session.walk([walk.then.screen], check);
          }
        } finally {
          await session.close();
        }
        violations.push(...here);
        expect(here).toEqual([]);
      });
    }

    it(`checked ${plan.wanted.length} screens: all ${language === 'en' ? '' : 'sampled '}screens of the flow but checks`, () => {
      report(flow, language, plan, checked);
      expect(violations).toEqual([]);
      expect([...checked].sort()).toEqual([...plan.wanted].sort());
    });
  });
}

function report(flow: Flow, language: string, plan: ScreenPlan, checked: Set<string>) {
  const steps = Object.keys(flow.steps).length;
  const nodes = plan.nodes.length;
  console.log(
    `axe ${flow.id} (${language}): ${checked.size} of ${plan.wanted.length} wanted screens checked in ${plan.walks.length} pages; ` +
      `the flow has ${steps} steps + ${nodes - steps} failed screens = ${nodes} nodes, of which ${plan.screens.length} have a screen; ` +
      `no screen of their own: ${plan.noScreen.join(', ') || 'none'}; cannot be shown: ${plan.notShowable.map(({ node, why }) => `${node} (${why})`).join(', ') || 'none'}`,
  );
}
