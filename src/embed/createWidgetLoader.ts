import { showWidgetLoadFailure } from './showWidgetLoadFailure.ts';
import { WidgetLoadError } from './WidgetLoadError.ts';
import type { WidgetHandle, WidgetOptions } from './WidgetOptions.ts';

/** The widget module's exports (`invite-doctor.js`): `mount`, `InviteDoctorElement`, `defineInviteDoctor`. */
export type WidgetModule = typeof import('./index.ts');

/** The bridge module's exports (`invite-doctor-bridge.js`): `serveBackendOverBridge`, `createBridgeBackend`, … */
export type WidgetBridgeModule = typeof import('./bridge.ts');

/**
 * `window.InviteDoctor`, set by the plain-script loader `invite-doctor.iife.js`. The loader holds
 * no widget code: it imports the ES module `invite-doctor.js` from beside its own URL, and that
 * module defines `<invite-doctor>` (elements already on the page upgrade then). Everything here
 * is therefore asynchronous.
 */
export interface InviteDoctorLoader {
  /** The widget module's URL: `invite-doctor.js` in the loader script's own folder. */
  readonly moduleUrl: string;
  /**
   * The widget module's exports, once it has loaded and defined `<invite-doctor>`. Rejects with a
   * {@link WidgetLoadError} (naming the URL) when it cannot load; the loader has then also
   * logged the error with `console.error` and put a short note into each `<invite-doctor>` on the
   * page.
   */
  readonly ready: Promise<WidgetModule>;
  /**
   * The widget module's `mount(element, options)`, once it has loaded. Rejects as `ready` does
   * (a load failure is reported once, by `ready`, even when the host ignores this promise).
   */
  mount(element: HTMLElement, options?: WidgetOptions): Promise<WidgetHandle>;
  /**
   * The postMessage bridge module (`invite-doctor-bridge.js` beside the loader), imported on the
   * first call: `(await InviteDoctor.loadBridge()).serveBackendOverBridge(backend, options)`.
   */
  loadBridge(): Promise<WidgetBridgeModule>;
}

export interface WidgetLoaderOptions {
  /** The loader script's own URL (`document.currentScript.src`); the modules are resolved against it. Empty when unknown. */
  scriptUrl: string;
  /** Imports a module by absolute URL: `(url) => import(url)` in the real loader. */
  importModule: (url: string) => Promise<unknown>;
  /** The page whose `<invite-doctor>` elements get a note when the module cannot load. */
  document: Document;
  /** Where a failed load is reported. @default console */
  console?: Pick<Console, 'error'>;
}

/**
 * Starts importing the widget module at once (so `<invite-doctor>` elements upgrade without the
 * host doing anything) and returns the `window.InviteDoctor` API around it. A failure is
 * reported exactly once, on the console, whether or not the host ever looks at `ready`.
 */
export function createWidgetLoader(options: WidgetLoaderOptions): InviteDoctorLoader {
  const { scriptUrl, importModule, document } = options;
  const log = options.console ?? console;
  const beside = (file: string) => (scriptUrl ? new URL(file, scriptUrl).href : '');
  const moduleUrl = beside('invite-doctor.js');

  const ready = load<WidgetModule>(moduleUrl, importModule, (module) => typeof module.mount === 'function');
  // Marks the rejection handled: the console.error below is the report, not an "uncaught" one.
  ready.catch((error: unknown) => {
    log.error(error);
    showWidgetLoadFailure(document);
  });

  let bridge: Promise<WidgetBridgeModule> | undefined;
  return {
    moduleUrl,
    ready,
    mount(element, mountOptions) {
      const mounted = ready.then((module) => module.mount(element, mountOptions));
      // A host that ignores the promise should not see a load failure twice (it is logged above);
      // an error from mount itself still surfaces as an unhandled rejection.
      mounted.catch((error: unknown) => {
        if (!(error instanceof WidgetLoadError)) throw error;
      });
      return mounted;
    },
    loadBridge: () => (bridge ??= load<WidgetBridgeModule>(beside('invite-doctor-bridge.js'), importModule, (module) => typeof module.serveBackendOverBridge === 'function')),
  };
}

async function load<Module>(url: string, importModule: (url: string) => Promise<unknown>, looksRight: (module: Module) => boolean): Promise<Module> {
  if (!url) throw new WidgetLoadError('no_script_url', url);
  let module: Module;
  try {
    module = (await importModule(url)) as Module;
  } catch (cause) {
    throw new WidgetLoadError('import_failed', url, { cause });
  }
  if (!module || !looksRight(module)) throw new WidgetLoadError('unexpected_module', url);
  return module;
}
