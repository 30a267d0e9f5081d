/**
 * The inline script that shows the prerendered start page before the app's JavaScript has run.
 * It runs while the HTML is parsed, right after `#root`: on the start route (no query), it picks
 * the language as the app would (the saved choice, else the browser's first supported language,
 * else English), clones that language's `<template id="id-start-shell-<lng>">` into `#root`,
 * applies the saved theme and agent-mode switch, and makes inert the controls that need the app
 * (language, theme, agent mode, demo bar). The email field, the submit button (a plain GET form
 * to `?email=`) and the links work from the first paint; `takeStartShellHandoff` moves what was
 * typed, and the focus, into the app when React replaces the shell.
 *
 * Plain ES5-level source, not a bundled function: it must run before any module loads.
 */
export function startShellScript({ base, locales, rightToLeft, settingsKey }: { base: string; locales: readonly string[]; rightToLeft: readonly string[]; settingsKey: string }): string {
  return `(function () {
  var root = document.getElementById('root');
  if (!root || root.firstChild || location.pathname !== ${JSON.stringify(base)} || location.search) return;
  var saved = {};
  try { saved = (JSON.parse(localStorage.getItem(${JSON.stringify(settingsKey)}) || '{}') || {}).state || {}; } catch (error) { saved = {}; }
  var locales = ${JSON.stringify(locales)};
  var lng = locales.indexOf(saved.locale) >= 0 ? saved.locale : null;
  var preferred = navigator.languages || [navigator.language];
  for (var i = 0; !lng && i < preferred.length; i++) {
    var primary = String(preferred[i]).toLowerCase().split(/[-_]/)[0];
    for (var k = 0; !lng && k < locales.length; k++) if (locales[k].toLowerCase().split('-')[0] === primary) lng = locales[k];
  }
  var template = document.getElementById('id-start-shell-' + (lng || 'en'));
  if (!template || !template.content) return;
  root.appendChild(template.content.cloneNode(true));
  var shell = root.firstElementChild;
  if (!shell) return;
  shell.setAttribute('data-start-shell', '');
  document.documentElement.lang = lng || 'en';
  document.documentElement.dir = ${JSON.stringify(rightToLeft)}.indexOf(lng) >= 0 ? 'rtl' : 'ltr';
  document.title = template.getAttribute('data-title') || document.title;
  if (saved.theme === 'light' || saved.theme === 'dark') shell.setAttribute('data-theme', saved.theme);
  var controls = shell.querySelectorAll('select, input[type=checkbox], button[type=button]');
  for (var j = 0; j < controls.length; j++) {
    var control = controls[j];
    if (control.type === 'checkbox') control.checked = saved.agentMode === true;
    if (control.tagName === 'SELECT' && saved.theme && control.querySelector('option[value="' + saved.theme + '"]')) control.value = saved.theme;
    control.setAttribute('inert', '');
  }
})();`;
}
