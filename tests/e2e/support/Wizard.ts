import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const shotsDir = resolve(import.meta.dirname, '../../../test-results/e2e');

/**
 * Drives the wizard the way a person does: by visible labels and roles. Every step it lands on
 * is checked with axe (WCAG 2.2 A/AA rules); `shot` saves a full-page screenshot.
 */
export class Wizard {
  readonly checked: string[] = [];

  constructor(
    readonly page: Page,
    readonly name: string,
    /** Uncaught errors in the page; any of them fails the step check. */
    readonly errors: Error[] = [],
  ) {}

  /** Waits until the page heading matches, then runs axe on the page as it is. */
  async expectStep(heading: string | RegExp): Promise<void> {
    const h1 = this.page.getByRole('heading', { level: 1, name: heading });
    await h1.waitFor({ state: 'visible', timeout: 15_000 });
    expect(this.errors.map((error) => error.message), 'errors in the page').toEqual([]);
    await this.axe(typeof heading === 'string' ? heading : heading.source);
  }

  async axe(label: string): Promise<void> {
    const results = await new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const violations = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
    expect(violations, `axe on "${label}" in ${this.name}`).toEqual([]);
    this.checked.push(label);
  }

  /** Chooses a radio by its label, then Continue. */
  async choose(option: string | RegExp, continueLabel: string | RegExp = /^(Continue|Weiter|Fortsätt)$/): Promise<void> {
    await this.page.getByRole('radio', { name: option }).check();
    await this.page.getByRole('button', { name: continueLabel }).click();
  }

  async press(button: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name: button }).click();
  }

  /** A side effect's confirmation: checks its screen (heading, axe), then makes the second, deliberate press. */
  async confirm(heading: string | RegExp, button: string | RegExp): Promise<void> {
    await this.expectStep(heading);
    await this.press(button);
  }

  /** Screenshots at the current width and at 360 px (the narrowest supported). */
  async shotBoth(label: string): Promise<void> {
    const size = this.page.viewportSize();
    await this.shot(label);
    if (!size || size.width === 360) return;
    await this.page.setViewportSize({ width: 360, height: 800 });
    await this.shot(label);
    await this.page.setViewportSize(size);
  }

  async shot(label: string): Promise<void> {
    await mkdir(shotsDir, { recursive: true });
    const width = this.page.viewportSize()?.width ?? 0;
    await this.page.screenshot({ path: resolve(shotsDir, `${this.name}-${label}-${width}.png`), fullPage: true });
  }
}
