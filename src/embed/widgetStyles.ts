import themeCss from '../ui/theme.css?inline';
import runnerCss from '../ui/runner.css?inline';
import widgetCss from './widget.css?inline';

/**
 * The widget's styles, all inside its shadow root: the SPA's theme and runner styles, then the
 * widget's own. `rem` is rewritten to the widget's `--id-rem` (16px, set on `:host`): inside a
 * shadow root `rem` still follows the host page's root font size, which hosts often change
 * (`html { font-size: 62.5% }`).
 */
export const widgetCssText = [themeCss, runnerCss, widgetCss]
  .join('\n')
  // Media queries keep `rem` (there it means the initial 16px anyway, and var() is not allowed).
  .replace(/(@media[^{]*\{)|(-?\d*\.?\d+)rem\b/g, (_match, media: string | undefined, size: string) => media ?? `calc(${size} * var(--id-rem))`);

let shared: CSSStyleSheet | null | undefined;

/**
 * Puts the styles into `root`: one constructed sheet shared by every widget on the page
 * (allowed under a CSP that forbids inline `<style>`), or a `<style>` element where
 * constructable sheets are missing. Returns the undo.
 */
export function adoptWidgetStyles(root: ShadowRoot): () => void {
  if (shared === undefined) shared = createSheet();
  if (shared && Array.isArray(root.adoptedStyleSheets)) {
    const sheet = shared;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return () => {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((item) => item !== sheet);
    };
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = widgetCssText;
  root.prepend(style);
  return () => style.remove();
}

function createSheet(): CSSStyleSheet | null {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(widgetCssText);
    return sheet;
  } catch {
    return null;
  }
}
