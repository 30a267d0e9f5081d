// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWidgetLoader, type WidgetBridgeModule, type WidgetModule } from '../../../src/embed/createWidgetLoader.ts';
import { widgetLoadFailureText } from '../../../src/embed/showWidgetLoadFailure.ts';
import { WidgetLoadError } from '../../../src/embed/WidgetLoadError.ts';
import type { WidgetHandle } from '../../../src/embed/WidgetOptions.ts';

const scriptUrl = 'https://cdn.example.com/invite-doctor/1.2.0/invite-doctor.iife.js';
const moduleUrl = 'https://cdn.example.com/invite-doctor/1.2.0/invite-doctor.js';
const bridgeUrl = 'https://cdn.example.com/invite-doctor/1.2.0/invite-doctor-bridge.js';

/** A stand-in for the widget module: `mount` returns a handle that records nothing. */
function createFakeWidgetModule() {
  const handle = { open() {}, close() {}, restart() {}, prefill() {}, update() {}, unmount() {} } satisfies WidgetHandle;
  return { handle, module: { mount: vi.fn(() => handle) } as unknown as WidgetModule };
}

/** `importModule` serving fixed modules by URL; any other URL fails as a browser's import() does. */
function createImporter(modules: Record<string, unknown>) {
  return vi.fn(async (url: string) => {
    if (url in modules) return modules[url];
    throw new TypeError(`Failed to fetch dynamically imported module: ${url}`);
  });
}

function addElement() {
  const element = document.createElement('invite-doctor');
  document.body.append(element);
  return element;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('createWidgetLoader (window.InviteDoctor of invite-doctor.iife.js)', () => {
  it('imports invite-doctor.js from the loader script’s own folder at once, and ready resolves with its exports', async () => {
    const { module } = createFakeWidgetModule();
    const importModule = createImporter({ [moduleUrl]: module });
    const loader = createWidgetLoader({ scriptUrl, importModule, document });
    expect(loader.moduleUrl).toBe(moduleUrl);
    expect(importModule).toHaveBeenCalledExactlyOnceWith(moduleUrl);
    await expect(loader.ready).resolves.toBe(module);
  });

  it('mount(element, options) waits for the module and resolves with the handle its mount returns', async () => {
    const { module, handle } = createFakeWidgetModule();
    const loader = createWidgetLoader({ scriptUrl, importModule: createImporter({ [moduleUrl]: module }), document });
    const element = document.createElement('div');
    await expect(loader.mount(element, { email: 'dan.active@example.com', launcher: 'button' })).resolves.toBe(handle);
    expect(module.mount).toHaveBeenCalledWith(element, { email: 'dan.active@example.com', launcher: 'button' });
  });

  it('imports the bridge module beside it only when asked, and only once', async () => {
    const bridge = { serveBackendOverBridge: () => ({}), bridgeVersion: 1 } as unknown as WidgetBridgeModule;
    const importModule = createImporter({ [moduleUrl]: createFakeWidgetModule().module, [bridgeUrl]: bridge });
    const loader = createWidgetLoader({ scriptUrl, importModule, document });
    expect(importModule).not.toHaveBeenCalledWith(bridgeUrl);
    const [first, second] = await Promise.all([loader.loadBridge(), loader.loadBridge()]);
    expect(first).toBe(bridge);
    expect(second).toBe(bridge);
    expect(importModule.mock.calls.filter(([url]) => url === bridgeUrl)).toHaveLength(1);
  });

  it('when the module cannot load: ready and mount reject naming the URL, the console says so once, and each <invite-doctor> shows a note', async () => {
    const log = { error: vi.fn() };
    const element = addElement();
    const loader = createWidgetLoader({ scriptUrl, importModule: createImporter({}), document, console: log });
    const error = await loader.ready.catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(WidgetLoadError);
    expect(error).toMatchObject({ kind: 'import_failed', url: moduleUrl });
    expect((error as Error).message).toBe(
      `Invite Doctor could not load ${moduleUrl} (Failed to fetch dynamically imported module: ${moduleUrl}). ` +
        'Serve the whole dist-widget/ folder (invite-doctor.iife.js, invite-doctor.js, chunks/) together, as JavaScript; ' +
        'from another origin, with CORS (Access-Control-Allow-Origin), which module scripts need.',
    );
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    await expect(loader.mount(document.createElement('div'))).rejects.toBe(error);
    expect(log.error).toHaveBeenCalledExactlyOnceWith(error);
    expect(element.shadowRoot?.textContent).toContain(widgetLoadFailureText('en'));
  });

  it("writes the note in the element's language: its locale attribute, else the nearest lang, else the browser's", async () => {
    const german = addElement();
    german.setAttribute('locale', 'de-AT');
    const swedishPage = document.createElement('section');
    swedishPage.lang = 'sv';
    const swedish = document.createElement('invite-doctor');
    swedishPage.append(swedish);
    document.body.append(swedishPage);
    const unknown = addElement();
    unknown.setAttribute('locale', 'tlh');
    const loader = createWidgetLoader({ scriptUrl, importModule: createImporter({}), document, console: { error() {} } });
    await loader.ready.catch(() => undefined);
    const note = (element: Element) => element.shadowRoot?.querySelector('p');
    expect(note(german)?.textContent).toBe(widgetLoadFailureText('de'));
    expect(note(german)?.lang).toBe('de');
    expect(note(swedish)?.textContent).toBe(widgetLoadFailureText('sv'));
    expect(note(unknown)?.textContent).toBe(widgetLoadFailureText('en'));
    expect(new Set([widgetLoadFailureText('de'), widgetLoadFailureText('sv'), widgetLoadFailureText('en')]).size).toBe(3);
    expect(note(unknown)?.dir).toBe('ltr');
  });

  it('reports a failure once even when the host ignores ready and mount(), without an unhandled rejection', async () => {
    const log = { error: vi.fn() };
    const loader = createWidgetLoader({ scriptUrl, importModule: createImporter({}), document, console: log });
    void loader.mount(document.createElement('div'));
    // Vitest fails the run on an unhandled rejection; the loader's own report must be the only one.
    await vi.waitFor(() => expect(log.error).toHaveBeenCalledOnce());
  });

  it('leaves an element that already has a shadow root alone, and notes elements parsed after the failure once the document is parsed', async () => {
    const upgraded = addElement();
    upgraded.attachShadow({ mode: 'open' }).textContent = 'a working widget';
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const loader = createWidgetLoader({ scriptUrl, importModule: createImporter({}), document, console: { error() {} } });
    await loader.ready.catch(() => undefined);
    await Promise.resolve();
    const later = addElement();
    expect(later.shadowRoot).toBeNull();
    readyState.mockRestore();
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(later.shadowRoot?.textContent).toContain(widgetLoadFailureText('en'));
    expect(upgraded.shadowRoot?.textContent).toBe('a working widget');
  });

  it('refuses, without importing anything, when it did not run from its own <script src>', async () => {
    const importModule = createImporter({});
    const loader = createWidgetLoader({ scriptUrl: '', importModule, document, console: { error() {} } });
    await expect(loader.ready).rejects.toMatchObject({ kind: 'no_script_url', message: expect.stringContaining('<script src="…">') });
    await expect(loader.loadBridge()).rejects.toMatchObject({ kind: 'no_script_url' });
    expect(importModule).not.toHaveBeenCalled();
  });

  it('rejects a module at that URL that is not the widget (no mount export)', async () => {
    const loader = createWidgetLoader({ scriptUrl, importModule: createImporter({ [moduleUrl]: { default: 'something else' } }), document, console: { error() {} } });
    await expect(loader.ready).rejects.toMatchObject({ kind: 'unexpected_module', url: moduleUrl, message: expect.stringContaining(`${moduleUrl} is not the Invite Doctor module expected there`) });
  });
});
