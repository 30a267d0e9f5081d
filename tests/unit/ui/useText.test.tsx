// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../src/app/createI18n.ts';
import { useText } from '../../../src/ui/useText.ts';
import deApp from '../../../locales/de/app.json';
import enApp from '../../../locales/en/app.json';

function Remaining({ count }: { count: number }) {
  const text = useText();
  return <p>{text('app.progress.remaining', { count })}</p>;
}

function renderIn(lng: 'en' | 'de', count: number) {
  const i18n = createI18n({ lng, resources: { en: { app: enApp }, de: { app: deApp } } });
  return render(
    <I18nextProvider i18n={i18n}>
      <Remaining count={count} />
    </I18nextProvider>,
  );
}

afterEach(cleanup);

describe('numbers in texts', () => {
  it('shows a number param through Intl.NumberFormat of the language, and still picks the plural by its value', () => {
    renderIn('de', 12345);
    expect(screen.getByRole('paragraph')).toHaveTextContent('noch mindestens 12.345 Schritte');
  });

  it('keeps the singular for one', () => {
    renderIn('en', 1);
    expect(screen.getByRole('paragraph')).toHaveTextContent(/^at least 1 more step$/);
  });
});
