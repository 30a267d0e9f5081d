import { describe, expect, it } from 'vitest';
import { renderStartShell } from '../../../src/app/renderStartShell.tsx';

describe('renderStartShell (the build prerenders the start page with it)', () => {
  it.each([
    ['en', 'Someone did not get their invitation?'],
    ['de', 'Jemand hat die Einladung nicht bekommen?'],
  ] as const)('renders the start page in %s with a field a plain form can send', async (locale, heading) => {
    const shell = await renderStartShell(locale);
    expect(shell.html).toContain(`<h1 class="id-heading">${heading}</h1>`);
    expect(shell.html).toMatch(/<input id="start-email"[^>]* name="email"/);
    expect(shell.html).toContain('<button type="submit" class="id-button">');
    expect(shell.html).not.toContain('<script');
    expect(shell.title).toBe(`${heading} – Invite Doctor`);
  });
});
