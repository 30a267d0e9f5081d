import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { stepOfNode, type Flow } from '../../../../src/engine/index.ts';
import { errorKey } from '../../../../src/ui/describeBackendError.ts';
import type { RouteScreen, StepRoute } from '../../../support/findStepRoutes.ts';
import type { AppText } from './createAppText.ts';

const shotsDir = resolve(import.meta.dirname, '../../../../test-results/e2e');

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no separate 2.2 A tag). */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface OpenRouteOptions {
  /** The demo URL hooks (see `demoQuery`). */
  query: string;
  /** The browser's language. @default en-GB */
  locale?: string;
}

/**
 * One scenario's page: a fresh browser context on the built app, opened the way a route starts
 * (the start page with its address, or the flow's own page), then led screen by screen through
 * the real UI — radios and Continue, typed addresses, info buttons, Skip the wait, Try again.
 * Every screen is recognised by its URL (`/steps/<id>`) and its h1, never by waiting a fixed time.
 */
export class RoutePage {
  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly flow: Flow,
    readonly text: AppText,
    /** Uncaught errors in the page; every screen check fails on any of them. */
    readonly errors: Error[],
  ) {}

  static async open(browser: Browser, flow: Flow, text: AppText, route: Pick<StepRoute, 'email'>, options: OpenRouteOptions): Promise<RoutePage> {
    const context = await browser.newContext({ baseURL: inject('baseURL'), locale: options.locale ?? 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    const session = new RoutePage(page, context, flow, text, errors);
    if (route.email === null) {
      await page.goto(`/flows/${flow.id}?${options.query}`);
    } else {
      await page.goto(`/?${options.query}`);
      await page.getByRole('heading', { level: 1, name: text.text('app.start.title') }).waitFor();
      await page.getByLabel(text.text('app.start.emailLabel')).fill(route.email);
      await page.getByRole('button', { name: text.text('app.start.submit') }).click();
    }
    return session;
  }

  /** Waits for each screen in turn and does there what the Node replay did. */
  async walk(screens: readonly RouteScreen[], onScreen?: (screen: RouteScreen) => Promise<void>): Promise<void> {
    for (const screen of screens) {
      await this.expectScreen(screen);
      await onScreen?.(screen);
      if (screen.event) await this.perform(screen);
    }
  }

  /** The page shows this screen: its URL names the step and its h1 is the step's title (or the error's, on a failed screen). */
  async expectScreen(screen: RouteScreen): Promise<void> {
    const stepId = stepOfNode(screen.node);
    const path = `/flows/${this.flow.id}/steps/${stepId}`;
    await this.page.waitForURL((url) => url.pathname === path, { timeout: 10_000 }).catch(async () => {
      throw new Error(`expected ${screen.node} (${path}), but the page is at ${new URL(this.page.url()).pathname}: "${await this.headingText()}"`);
    });
    await this.heading(screen)
      .waitFor({ state: 'visible' })
      .catch(async () => {
        throw new Error(`at ${screen.node}, expected the heading ${String(this.headingName(screen))}, but it is "${await this.headingText()}"`);
      });
    expect(this.errors.map((error) => error.message), `errors in the page at ${screen.node}`).toEqual([]);
  }

  heading(screen: RouteScreen): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.headingName(screen) });
  }

  /** What a screen's h1 says: the step title; `…` after it while a call runs; the error's title on a failed screen. */
  headingName(screen: RouteScreen): string | RegExp {
    const stepId = stepOfNode(screen.node);
    const step = this.flow.steps[stepId];
    if (!step) throw new Error(`${this.flow.id} has no step ${stepId}`);
    if (screen.node !== stepId) {
      if (!screen.error) throw new Error(`${screen.node}: the replay recorded no error`);
      return this.text.text(`app.errors.${errorKey(screen.error)}.title`);
    }
    // A side effect's confirmation screen (the replay confirmed there, or stopped there, as after an
    // error edge that leads into another side effect) asks its own question.
    if ((screen.confirming || screen.event?.type === 'action.confirm') && step.kind === 'action') return this.text.pattern(`diagnostics.confirm.${step.action}.title`);
    if (!step.title) throw new Error(`${stepId} has no title to recognise it by`);
    return this.text.pattern(step.title, step.kind === 'action' ? '…' : '');
  }

  async headingText(): Promise<string> {
    return (await this.page.getByRole('heading', { level: 1 }).allTextContents()).join(' | ');
  }

  /** Does in the UI what the replay sent to the machine on this screen. */
  async perform(screen: RouteScreen): Promise<void> {
    const { page, text } = this;
    const step = this.flow.steps[stepOfNode(screen.node)];
    const event = screen.event;
    if (!step || !event) return;
    const button = (name: string | RegExp) => page.getByRole('button', { name, exact: typeof name === 'string' }).click();
    switch (event.type) {
      case 'answer.select': {
        const option = step.kind === 'question' ? step.options.find((candidate) => candidate.id === event.optionId) : undefined;
        if (!option) throw new Error(`${screen.node} has no option ${event.optionId}`);
        await page.getByRole('radio', { name: text.pattern(option.label) }).check();
        await button(text.text('app.common.continue'));
        return;
      }
      case 'input.submit':
        if (step.kind !== 'input') throw new Error(`${screen.node} is not an input`);
        await page.getByLabel(text.pattern(step.label)).fill(event.value);
        await button(text.text('app.common.continue'));
        return;
      case 'step.continue':
        if (step.kind === 'info') await button(text.pattern(step.continueLabel ?? 'app.common.continue'));
        else await button(text.text('app.action.continueWithout'));
        return;
      case 'action.confirm':
        if (step.kind !== 'action') throw new Error(`${screen.node} is not an action`);
        await button(text.pattern(`diagnostics.confirm.${step.action}.confirm`));
        return;
      case 'action.retry':
        await button(text.text('app.action.retry'));
        return;
      case 'wait.skip':
        await button(text.text('app.wait.skip'));
        return;
      default:
        throw new Error(`${screen.node}: no UI for ${event.type}`);
    }
  }

  /** Runs axe with the WCAG A/AA rules on the page as it is; returns the violations, one line each. */
  async axeViolations(): Promise<string[]> {
    // Legacy mode runs axe.run in the page itself: the app has no frames, and it saves the blank
    // page the partial mode opens for every run.
    const results = await new AxeBuilder({ page: this.page }).options({ resultTypes: ['violations'] }).withTags(wcagTags).setLegacyMode().analyze();
    if (results.passes.length + results.violations.length + results.incomplete.length === 0) throw new Error('axe ran no rules');
    return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  }

  async shot(name: string): Promise<void> {
    await mkdir(shotsDir, { recursive: true });
    await this.page.screenshot({ path: resolve(shotsDir, `${name}.png`), fullPage: true });
  }

  /** Lets the call held by `?hold=` go on. */
  async releaseHeldCall(): Promise<void> {
    await this.page.evaluate(() => window.__inviteDoctorDemo?.release());
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
