// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createTestI18n } from './renderFlowRunner.tsx';
import { useText } from '../../../src/ui/useText.ts';

function Title({ email }: { email: string }) {
  const text = useText();
  return <h1>{text('flows.notReceived.lookupUser.title', { email })}</h1>;
}

describe('texts with values people typed', () => {
  it('keeps i18next escaping on and renders the value as plain text, never as HTML', () => {
    const i18n = createTestI18n();
    const hostile = `o'neil+<img src=x onerror=alert(1)>@example.com`;
    expect(i18n.t('flows.notReceived.lookupUser.title', { ns: 'flows', email: hostile })).toContain('&lt;img');
    const { container } = render(
      <I18nextProvider i18n={i18n}>
        <Title email={hostile} />
      </I18nextProvider>,
    );
    expect(screen.getByRole('heading')).toHaveTextContent(`Looking up ${hostile}`);
    expect(container.querySelector('img')).toBeNull();
  });
});
