import { createRoot } from 'react-dom/client';
import { createFocusGuard } from './createFocusGuard.ts';
import { createWidgetI18n } from './createWidgetI18n.ts';
import { createWidgetStore } from './createWidgetStore.ts';
import { Widget } from './Widget.tsx';
import { adoptWidgetStyles } from './widgetStyles.ts';
import type { WidgetHandle, WidgetOptions } from './WidgetOptions.ts';

const mounted = new WeakMap<Element, WidgetHandle>();

/**
 * Renders the wizard into `element`'s open shadow root (created if needed) and returns its
 * commands. Events (`invite-doctor:step`, `:outcome`, `:escalation`) are dispatched on `element`.
 * The widget brings its own styles, i18n instance and React root, and never touches the host's
 * URL, history or storage. Mounting an element again replaces the previous widget.
 */
export function mount(element: HTMLElement, options: WidgetOptions = {}): WidgetHandle {
  mounted.get(element)?.unmount();
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const removeStyles = adoptWidgetStyles(root);
  const container = element.ownerDocument.createElement('div');
  container.className = 'idw-root';
  root.append(container);

  const store = createWidgetStore(options, element.ownerDocument.documentElement.lang);
  const i18n = createWidgetI18n(store.getState().options.locale);
  const focusGuard = createFocusGuard(root);
  const reactRoot = createRoot(container, { identifierPrefix: 'idw-' });
  reactRoot.render(<Widget store={store} i18n={i18n} host={element} focusGuard={focusGuard} />);

  const handle: WidgetHandle = {
    open: () => store.open(),
    close: () => store.close(),
    restart: () => store.restart(),
    prefill: (email) => store.prefill(email),
    update: (changes) => store.update(changes),
    unmount() {
      if (mounted.get(element) !== handle) return;
      mounted.delete(element);
      reactRoot.unmount();
      focusGuard.dispose();
      container.remove();
      removeStyles();
    },
  };
  mounted.set(element, handle);
  return handle;
}
