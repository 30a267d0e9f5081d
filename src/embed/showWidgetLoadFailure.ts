import { localeDirection } from '../app/supportedLocales.ts';

/**
 * The note an `<invite-doctor>` shows when the widget module could not load, by language: the one
 * text of `locales/<language>/widgetLoader.json`, built into the loader (the widget's other texts
 * live in the module that failed). A few hundred bytes for every language together.
 */
const loadFailedTexts: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob<{ loadFailed: string }>('/locales/*/widgetLoader.json', { eager: true, import: 'widgetLoader' })).map(([path, texts]) => [
    path.split('/')[2] as string,
    texts.loadFailed,
  ]),
);

/**
 * The note's language for one element: its `locale` attribute, else the nearest `lang` (the host
 * page's, as the widget itself does), else the browser's; the shipped language with that exact tag
 * or primary subtag (`de-AT` → `de`, `pt` → `pt-BR`), else English.
 */
export function widgetLoadFailureLanguage(element: Element, browserLanguage = ''): string {
  const tag = (element.getAttribute('locale') || element.closest('[lang]')?.getAttribute('lang') || browserLanguage).toLowerCase();
  const languages = Object.keys(loadFailedTexts);
  return languages.find((language) => language.toLowerCase() === tag) ?? languages.find((language) => language.toLowerCase().split('-')[0] === tag.split('-')[0]) ?? 'en';
}

/** The load-failure note in one language (English when that language has none). */
export function widgetLoadFailureText(language: string): string {
  return loadFailedTexts[language] ?? loadFailedTexts.en ?? '';
}

/**
 * After a failed load, puts {@link widgetLoadFailureText} into the shadow root of every
 * `<invite-doctor>` in `document` that has none (the module never upgraded it), so the box where
 * help was promised does not stay silently empty. Elements still being parsed are covered by
 * waiting for `DOMContentLoaded`; elements added later by script are not (their host's
 * `InviteDoctor.ready` or `mount()` rejects instead).
 */
export function showWidgetLoadFailure(document: Document): void {
  const mark = () => {
    for (const element of document.querySelectorAll('invite-doctor')) {
      if (element.shadowRoot) continue;
      const root = element.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = ':host{display:block}p{margin:0;padding:.75em 1em;border:1px solid #b42318;border-radius:6px;background:#fff;color:#7a271a;font:14px/1.4 system-ui,sans-serif}';
      const language = widgetLoadFailureLanguage(element, document.defaultView?.navigator.language);
      const note = document.createElement('p');
      note.setAttribute('part', 'load-error');
      note.lang = language;
      note.dir = localeDirection(language);
      note.textContent = widgetLoadFailureText(language);
      root.append(style, note);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mark, { once: true });
  else mark();
}
