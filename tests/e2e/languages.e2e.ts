import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { supportedLocales, localeDirection } from '../../src/app/supportedLocales.ts';
import { launchBrowser } from './support/launchBrowser.ts';
import { appTookOver } from './support/openApp.ts';
import { englishFragments, loadLocaleTexts, type EnglishFragment, type LocaleTexts } from './support/localeTexts.ts';

/**
 * Issue 16's "done when": in each of the ten languages a person completes the check, and an agent
 * completes a call in agent mode, with nothing left in English. Every control is found by its role
 * and its name in that language (read from locales/<language>/), never by an English selector; at
 * every screen the visible text (the page's innerText, the title, and the aria-label, title,
 * placeholder and alt of visible elements) is searched for English fragments of texts the language
 * translates (support/localeTexts.ts, `englishFragments`). No axe here (the gates run it): this
 * spec stays fast, one browser and one build for all ten languages.
 */

interface Step {
  kind: string;
  title?: string;
  action?: string;
  continueLabel?: string;
  options?: { id: string; label: string }[];
}
const flow = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../flows/invite-not-received.json'), 'utf8')) as { steps: Record<string, Step> };
const shotsDir = resolve(import.meta.dirname, '../../test-results/e2e');
/** The browser's language for each of ours; the app follows it. */
const browserLocale: Record<string, string> = { en: 'en-GB', de: 'de-DE', sv: 'sv-SE', fr: 'fr-FR', es: 'es-ES', it: 'it-IT', 'pt-BR': 'pt-BR', pl: 'pl-PL', ja: 'ja-JP', ar: 'ar-EG' };

const english = loadLocaleTexts('en');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** One language's page, walked by that language's words; `check` searches the screen for English. */
class LanguagePage {
  readonly found: string[] = [];
  private constructor(
    readonly page: Page,
    readonly texts: LocaleTexts,
    private readonly fragments: EnglishFragment[],
    private readonly errors: Error[],
  ) {}

  static async open(language: string, fragments: EnglishFragment[]): Promise<LanguagePage> {
    const context = await browser.newContext({ baseURL: inject('baseURL'), locale: browserLocale[language] ?? language, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto('/?latency=0');
    await page.locator(appTookOver).waitFor({ state: 'attached', timeout: 15_000 });
    return new LanguagePage(page, loadLocaleTexts(language), fragments, errors);
  }

  /** Waits for the step's h1, then checks the screen. */
  async expectStep(stepId: string, options: { confirming?: boolean } = {}): Promise<void> {
    const step = flow.steps[stepId];
    if (!step?.title) throw new Error(`no step ${stepId} with a title`);
    const name = options.confirming ? this.texts.pattern(`diagnostics.confirm.${step.action}.title`) : this.texts.pattern(step.title);
    await this.heading(name, stepId);
    await this.check(stepId);
  }

  async heading(name: string | RegExp, where: string): Promise<void> {
    await this.page
      .getByRole('heading', { level: 1, name })
      .waitFor({ state: 'visible' })
      .catch(async () => {
        throw new Error(`${this.texts.language} at ${where}: expected the heading ${String(name)}, but it is "${(await this.page.getByRole('heading', { level: 1 }).allTextContents()).join(' | ')}"`);
      });
  }

  /** Records every English fragment visible on the screen, with the key it comes from. */
  async check(where: string): Promise<void> {
    if (this.errors.length > 0) throw new Error(`${this.texts.language}: errors in the page at ${where}: ${this.errors.map((error) => error.message).join('; ')}`);
    const shown = await this.page.evaluate(() => {
      const parts = [document.title, document.body.innerText];
      for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
        if (!element.checkVisibility()) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) parts.push(element.getAttribute(name) ?? '');
      }
      return parts.join('\n').replace(/\s+/g, ' ');
    });
    for (const { fragment, key } of this.fragments) {
      if (shown.includes(fragment)) this.found.push(`${where}: "${fragment}" (${key})`);
    }
  }

  async choose(stepId: string, optionId: string): Promise<void> {
    const option = flow.steps[stepId]?.options?.find((candidate) => candidate.id === optionId);
    if (!option) throw new Error(`${stepId} has no option ${optionId}`);
    await this.page.getByRole('radio', { name: this.texts.pattern(option.label) }).check();
    await this.button(this.texts.pattern('app.common.continue'));
  }

  async confirm(stepId: string): Promise<void> {
    await this.expectStep(stepId, { confirming: true });
    await this.button(this.texts.pattern(`diagnostics.confirm.${flow.steps[stepId]?.action}.confirm`));
  }

  async button(name: RegExp): Promise<void> {
    await this.page.getByRole('button', { name }).click();
  }

  async start(email: string): Promise<void> {
    await this.heading(this.texts.pattern('app.start.title'), 'start');
    await this.check('start');
    await this.page.getByRole('textbox', { name: this.texts.pattern('app.start.emailLabel') }).fill(email);
    await this.button(this.texts.pattern('app.start.submit'));
  }

  async shot(name: string): Promise<void> {
    await mkdir(shotsDir, { recursive: true });
    await this.page.screenshot({ path: resolve(shotsDir, `${name}-1280.png`), fullPage: true });
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}

// The languages run side by side (each test its own browser context): the browser waits on the
// app far more than on the CPU, and ten languages one after another took well over two minutes.
describe.concurrent.each([...supportedLocales])('in %s', (language) => {
  // Read when a test runs, so a language whose folder has not landed fails its own tests only.
  const fragments = () => englishFragments(english, loadLocaleTexts(language));

  it('a person checks ana from the start page to a resolved outcome, with no English left', async ({ expect }) => {
    const session = await LanguagePage.open(language, fragments());
    const { page } = session;
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([language, localeDirection(language)]);
    await session.start('ana.invited@example.com');
    await session.expectStep('checkSpam');
    await session.choose('checkSpam', 'notThere');
    await session.expectStep('checkRules');
    await session.choose('checkRules', 'notThere');
    await session.expectStep('confirmAddress');
    // The other invitations at the domain load after the step shows; check them too.
    await page.getByRole('region', { name: session.texts.pattern('app.facts.domainPeers.title') }).waitFor();
    await session.check('confirmAddress, facts loaded');
    await session.shot(`languages-${language}-confirmAddress`);
    await session.choose('confirmAddress', 'correct');
    await session.confirm('resendInvite');
    await session.expectStep('resent');
    await session.button(session.texts.pattern('app.common.continue'));
    await session.expectStep('afterResend');
    await session.choose('afterResend', 'arrived');
    await session.expectStep('resolvedResent');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([language, localeDirection(language)]);
    await session.close();
    expect(session.found, `English left in ${language} (screen: "fragment" (the English key))`).toEqual([]);
  });

  it('an agent takes dan’s call in agent mode to a resolved outcome, with no English left', async ({ expect }) => {
    const session = await LanguagePage.open(language, fragments());
    const { page, texts } = session;
    await page.getByRole('switch', { name: texts.pattern('app.settings.agentMode') }).check();
    await session.start('dan.active@example.com');
    await session.expectStep('alreadyActive');
    await page.getByRole('button', { name: texts.pattern('agent.tools.help') }).click();
    await page.getByRole('dialog', { name: texts.pattern('agent.shortcuts.title') }).waitFor();
    await session.check('alreadyActive, shortcuts dialog');
    await page.keyboard.press('Escape');
    await session.choose('alreadyActive', 'forgotPassword');
    await session.confirm('sendReset');
    await session.expectStep('resetSent');
    await session.shot(`languages-${language}-agent-resetSent`);
    await session.button(texts.pattern('app.common.continue'));
    await session.expectStep('afterReset');
    await session.choose('afterReset', 'worked');
    await session.expectStep('resolvedReset');
    await session.close();
    expect(session.found, `English left in ${language} (screen: "fragment" (the English key))`).toEqual([]);
  });
});
