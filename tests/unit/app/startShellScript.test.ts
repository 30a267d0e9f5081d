// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startShellScript } from '../../../scripts/startShellScript.ts';

const script = startShellScript({ base: '/', locales: ['en', 'de', 'sv', 'pt-BR', 'ar'], rightToLeft: ['ar'], settingsKey: 'invite-doctor:settings' });

/** The built index.html's body, reduced: one template per language, an empty root. */
function writePage() {
  document.body.innerHTML = ['en', 'de', 'sv', 'pt-BR', 'ar']
    .map(
      (locale) => `<template id="id-start-shell-${locale}" data-title="title-${locale}"><div class="id-theme id-app"><h1>${locale}</h1>
        <select class="id-select"><option value="en">en</option></select><input type="checkbox" role="switch">
        <form><input id="start-email" type="email" name="email"><button type="submit">go</button><button type="button">reset</button></form>
        <select class="id-select"><option value="system">s</option><option value="light">l</option><option value="dark">d</option></select></div></template>`,
    )
    .join('') + '<div id="root"></div>';
}

const run = () => new Function(script)();
const shell = () => document.querySelector<HTMLElement>('#root > [data-start-shell]');
const languages = vi.spyOn(navigator, 'languages', 'get');

beforeEach(() => {
  writePage();
  localStorage.clear();
  history.replaceState(null, '', '/');
  languages.mockReturnValue(['en-GB', 'en']);
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('the start shell script', () => {
  it('shows the English start page on the start route, marked as the shell, with the app-only controls inert', () => {
    run();
    expect(shell()?.querySelector('h1')?.textContent).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('title-en');
    const inert = [...(shell()?.querySelectorAll('select, input[type=checkbox], button') ?? [])].map((element) => [element.tagName, element.hasAttribute('inert')]);
    expect(inert).toEqual([['SELECT', true], ['INPUT', true], ['BUTTON', false], ['BUTTON', true], ['SELECT', true]]);
    expect(shell()?.querySelector('#start-email')?.hasAttribute('inert')).toBe(false);
  });

  it("picks the browser's first supported language, as the app does", () => {
    languages.mockReturnValue(['fr-FR', 'de-AT', 'en']);
    run();
    expect(shell()?.querySelector('h1')?.textContent).toBe('de');
    expect(document.documentElement.lang).toBe('de');
  });

  it('maps a regional tag to the one shipped variant and writes Arabic right to left', () => {
    languages.mockReturnValue(['pt-PT', 'en']);
    run();
    expect(shell()?.querySelector('h1')?.textContent).toBe('pt-BR');
    expect(document.documentElement.dir).toBe('ltr');
    document.body.innerHTML = '';
    writePage();
    languages.mockReturnValue(['ar-EG']);
    run();
    expect(shell()?.querySelector('h1')?.textContent).toBe('ar');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('prefers the saved language, theme and agent mode', () => {
    languages.mockReturnValue(['de-DE']);
    localStorage.setItem('invite-doctor:settings', JSON.stringify({ state: { locale: 'sv', theme: 'dark', agentMode: true }, version: 1 }));
    run();
    expect(shell()?.querySelector('h1')?.textContent).toBe('sv');
    expect(shell()?.getAttribute('data-theme')).toBe('dark');
    expect(shell()?.querySelector<HTMLInputElement>('input[type=checkbox]')?.checked).toBe(true);
    expect(shell()?.querySelectorAll<HTMLSelectElement>('select')[1]?.value).toBe('dark');
  });

  it('falls back to the browser language when the saved settings are unreadable', () => {
    localStorage.setItem('invite-doctor:settings', '{not json');
    run();
    expect(shell()?.querySelector('h1')?.textContent).toBe('en');
    expect(shell()?.hasAttribute('data-theme')).toBe(false);
  });

  it.each(['/sessions', '/flows/invite-not-received', '/?latency=0'])('leaves %s to the app', (url) => {
    history.replaceState(null, '', url);
    run();
    expect(document.getElementById('root')?.innerHTML).toBe('');
  });
});
