// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/dom';
import { mount } from '../../../src/embed/index.ts';
import { inShadow } from './widgetTestHost.ts';

/** The element inside the shadow root that sets the direction `element` is laid out in. */
function directionOf(element: HTMLElement): { dir: string | null; lang: string | null } {
  const owner = element.closest('[dir]');
  return { dir: owner?.getAttribute('dir') ?? null, lang: owner?.getAttribute('lang') ?? null };
}

describe('the widget’s writing direction', () => {
  it('reads right to left in Arabic inside its shadow root, and leaves the host page’s direction alone', async () => {
    const element = document.createElement('div');
    document.body.append(element);
    mount(element, { demo: true, locale: 'ar' });
    const heading = await inShadow(element).findByRole('region');
    expect(directionOf(heading)).toEqual({ dir: 'rtl', lang: 'ar' });
    // The attribute sits inside the shadow tree, never on the host's own elements.
    expect(element.hasAttribute('dir')).toBe(false);
    expect(document.documentElement.hasAttribute('dir')).toBe(false);
    expect(document.body.hasAttribute('dir')).toBe(false);
  });

  it('turns left to right in an Arabic page when the widget speaks English, and follows a change of language', async () => {
    document.documentElement.dir = 'rtl';
    try {
      const element = document.createElement('div');
      document.body.append(element);
      const handle = mount(element, { demo: true, locale: 'en' });
      const view = inShadow(element);
      expect(directionOf(await view.findByRole('region'))).toEqual({ dir: 'ltr', lang: 'en' });
      handle.update({ locale: 'ar' });
      await waitFor(() => expect(directionOf(view.getByRole('region'))).toEqual({ dir: 'rtl', lang: 'ar' }));
      handle.update({ locale: 'de' });
      await waitFor(() => expect(directionOf(view.getByRole('region'))).toEqual({ dir: 'ltr', lang: 'de' }));
      expect(document.documentElement.dir).toBe('rtl');
    } finally {
      document.documentElement.removeAttribute('dir');
    }
  });
});
