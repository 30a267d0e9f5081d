import { describe, expect, it } from 'vitest';
import { resolveWidgetOptions, toWidgetLocale } from '../../../src/embed/resolveWidgetOptions.ts';

describe('the widget’s options', () => {
  it('default to the main flow, inline, light, no demo, and the host page’s language', () => {
    expect(resolveWidgetOptions({}, 'de-AT')).toMatchObject({ flow: 'invite-not-received', launcher: 'inline', colorScheme: 'light', demo: false, locale: 'de' });
    expect(resolveWidgetOptions({}, 'fr-CA').locale).toBe('fr');
    expect(resolveWidgetOptions({}, 'ko').locale).toBe('en');
    expect(resolveWidgetOptions({}, null).locale).toBe('en');
  });

  it('tolerate what attributes bring: regional tags, upper case, blanks, unknown values', () => {
    expect(resolveWidgetOptions({ locale: 'sv-SE' as never, launcher: 'BUTTON' as never, email: '  ', flow: ' ' })).toMatchObject({
      locale: 'sv',
      launcher: 'button',
      email: undefined,
      flow: 'invite-not-received',
    });
    expect(resolveWidgetOptions({ launcher: 'popup' as never, colorScheme: 'neon' as never })).toMatchObject({ launcher: 'inline', colorScheme: 'light' });
    expect(toWidgetLocale('DE_ch')).toBe('de');
    expect(toWidgetLocale('pt-PT')).toBe('pt-BR');
    expect(toWidgetLocale('ar-EG')).toBe('ar');
    expect(toWidgetLocale(42)).toBeNull();
  });

  it('keep an explicit locale over the host page’s language', () => {
    expect(resolveWidgetOptions({ locale: 'en' }, 'sv').locale).toBe('en');
  });
});
