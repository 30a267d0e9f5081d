import '../src/embed/index.ts';

// The widget side of the cross-origin demo: it talks to the page that frames it over the bridge.
// A real deployment hard-codes its host's origin; the demo takes it from `?host=`, and only for
// pages on this machine, so the frame never serves as a relay for someone else's page.
const params = new URLSearchParams(location.search);
const widget = document.querySelector('invite-doctor') as HTMLElementTagNameMap['invite-doctor'];
const host = params.get('host') ?? '';
const isLocal = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(host);

const lang = params.get('lang');
if (lang) widget.setAttribute('locale', lang);
const email = params.get('email');
if (email) widget.setAttribute('email', email);
const timeout = Number(params.get('timeout'));
if (isLocal && window.parent !== window) widget.bridge = { target: window.parent, origin: host, ...(timeout > 0 ? { timeoutMs: timeout } : {}) };
