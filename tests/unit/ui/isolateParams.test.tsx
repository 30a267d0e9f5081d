// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../src/app/createI18n.ts';
import { useText } from '../../../src/ui/useText.ts';

const resources = {
  en: { app: { app: { has: '{{email}} already has an account', left: 'at least {{count}} more step', left_one: 'at least {{count}} more step', left_other: 'at least {{count}} more steps' } } },
  ar: { app: { app: { has: 'لدى {{email}} حساب بالفعل.', left_zero: 'لا خطوات', left_one: 'خطوة واحدة', left_two: 'خطوتان', left_few: '{{count}} خطوات', left_many: '{{count}} خطوة', left_other: '{{count}} خطوة' } } },
};

function Sentence({ params, textKey }: { params: Record<string, unknown>; textKey: string }) {
  const text = useText();
  return <p>{text(textKey, params)}</p>;
}

function renderIn(lng: 'en' | 'ar', textKey: string, params: Record<string, unknown>) {
  return render(
    <I18nextProvider i18n={createI18n({ lng, resources })}>
      <Sentence textKey={textKey} params={params} />
    </I18nextProvider>,
  );
}

afterEach(cleanup);

describe('an address inside a right-to-left sentence', () => {
  it('is its own bidirectional isolate in Arabic, so the sentence cannot reorder it', () => {
    renderIn('ar', 'app.has', { email: '2024.dan@example.com' });
    expect(screen.getByRole('paragraph').textContent).toBe('لدى \u20682024.dan@example.com\u2069 حساب بالفعل.');
  });

  it('still picks the Arabic plural by the count', () => {
    renderIn('ar', 'app.left', { count: 2 });
    expect(screen.getByRole('paragraph').textContent).toBe('خطوتان');
  });

  it('is left as it is in a left-to-right language', () => {
    renderIn('en', 'app.has', { email: 'dan@example.com' });
    expect(screen.getByRole('paragraph').textContent).toBe('dan@example.com already has an account');
  });
});
