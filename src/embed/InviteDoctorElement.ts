import type { InvitationBackend, Policy } from '../engine/index.ts';
import { mount } from './mount.tsx';
import type { WidgetBridgeOptions, WidgetEventMap, WidgetHandle, WidgetOptions, WidgetTheme } from './WidgetOptions.ts';

// Importing the module without a DOM (server rendering, tests under Node) must not throw.
const Base = (typeof HTMLElement === 'undefined' ? class {} : HTMLElement) as typeof HTMLElement;

/** The attributes `<invite-doctor>` reads; complex options are properties. */
const attributes = ['flow', 'locale', 'email', 'launcher', 'demo', 'color-scheme'] as const;

/**
 * `<invite-doctor flow locale email launcher="inline|button" demo color-scheme>`: the wizard as a
 * custom element with an open shadow root. Set `backend`, `bridge`, `policy` and `theme` as
 * properties. Commands: `open()`, `close()`, `restart()`, `prefill(email)`. Events: see
 * {@link WidgetEventMap}.
 */
export class InviteDoctorElement extends Base {
  static readonly observedAttributes: readonly string[] = attributes;
  #handle: WidgetHandle | null = null;
  #properties: Pick<WidgetOptions, 'backend' | 'bridge' | 'policy' | 'theme'> = {};
  #pending: Array<(handle: WidgetHandle) => void> = [];

  connectedCallback(): void {
    // Properties set on the element before it was upgraded shadow the accessors: re-set them.
    for (const name of ['backend', 'bridge', 'policy', 'theme'] as const) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = (this as Record<string, unknown>)[name];
        delete (this as Record<string, unknown>)[name];
        (this as Record<string, unknown>)[name] = value;
      }
    }
    if (this.#handle) return;
    this.#handle = mount(this, this.#options());
    for (const command of this.#pending.splice(0)) command(this.#handle);
  }

  disconnectedCallback(): void {
    // A move within the page disconnects and reconnects at once: keep the session then.
    queueMicrotask(() => {
      if (this.isConnected || !this.#handle) return;
      this.#handle.unmount();
      this.#handle = null;
    });
  }

  attributeChangedCallback(): void {
    this.#handle?.update(this.#attributeOptions());
  }

  /** The host's own backend (same origin). */
  get backend(): InvitationBackend | undefined {
    return this.#properties.backend;
  }
  set backend(value: InvitationBackend | undefined) {
    this.#setProperty({ backend: value });
  }

  /** The host's backend in another window: `{ target: window.parent, origin: 'https://admin.example.com' }`. */
  get bridge(): WidgetBridgeOptions | undefined {
    return this.#properties.bridge;
  }
  set bridge(value: WidgetBridgeOptions | undefined) {
    this.#setProperty({ bridge: value });
  }

  get policy(): Partial<Policy> | undefined {
    return this.#properties.policy;
  }
  set policy(value: Partial<Policy> | undefined) {
    this.#setProperty({ policy: value });
  }

  get theme(): WidgetTheme | undefined {
    return this.#properties.theme;
  }
  set theme(value: WidgetTheme | undefined) {
    this.#setProperty({ theme: value });
  }

  open(): void {
    this.#run((handle) => handle.open());
  }
  close(): void {
    this.#run((handle) => handle.close());
  }
  restart(): void {
    this.#run((handle) => handle.restart());
  }
  prefill(email: string): void {
    this.setAttribute('email', email);
    this.#run((handle) => handle.prefill(email));
  }

  #setProperty(changes: Partial<WidgetOptions>) {
    this.#properties = { ...this.#properties, ...changes };
    this.#handle?.update(changes);
  }

  #run(command: (handle: WidgetHandle) => void) {
    if (this.#handle) command(this.#handle);
    else this.#pending.push(command);
  }

  #attributeOptions(): WidgetOptions {
    const demo = this.getAttribute('demo');
    const scheme = this.getAttribute('color-scheme');
    return {
      flow: this.getAttribute('flow') ?? undefined,
      locale: (this.getAttribute('locale') ?? undefined) as WidgetOptions['locale'],
      email: this.getAttribute('email') ?? undefined,
      launcher: (this.getAttribute('launcher') ?? undefined) as WidgetOptions['launcher'],
      demo: demo !== null && demo !== 'false',
      colorScheme: (scheme ?? undefined) as WidgetOptions['colorScheme'],
    };
  }

  #options(): WidgetOptions {
    return { ...this.#attributeOptions(), ...this.#properties };
  }
}

/** Defines `<invite-doctor>` (once; later calls do nothing). */
export function defineInviteDoctor(name = 'invite-doctor'): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;
  customElements.define(name, name === 'invite-doctor' ? InviteDoctorElement : class extends InviteDoctorElement {});
}

declare global {
  interface HTMLElementTagNameMap {
    'invite-doctor': InviteDoctorElement;
  }
  // The widget's events, typed for `addEventListener` on any element they bubble through.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends WidgetEventMap {}
}
