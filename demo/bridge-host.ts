import { serveBackendOverBridge } from '../src/embed/bridge.ts';
import { createAcmeBackend } from './acmeBackend.ts';

// The host side of the cross-origin demo: this page owns the backend and serves it to the widget
// in a frame on another origin. `?frame=<origin>` names that origin (default: this host, port + 1,
// e.g. `npm run dev` on 5173 and `npm run demo:frame` on 5174); `?lang=` and `?email=` pass through.
const params = new URLSearchParams(location.search);
const frameOrigin = params.get('frame') ?? `${location.protocol}//${location.hostname}:${Number(location.port || 80) + 1}`;
const frame = document.getElementById('frame') as HTMLIFrameElement;
const logList = document.getElementById('log') as HTMLOListElement;
(document.getElementById('frame-origin') as HTMLElement).textContent = frameOrigin;

function log(line: string) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString('en-GB')}  ${line}`;
  logList.append(item);
}

const acme = createAcmeBackend(log);
serveBackendOverBridge(acme.backend, { allowedOrigins: [frameOrigin], source: () => frame.contentWindow });

const src = new URL('/demo/bridge-frame.html', frameOrigin);
src.searchParams.set('host', location.origin);
for (const name of ['lang', 'email']) {
  const value = params.get(name);
  if (value) src.searchParams.set(name, value);
}
frame.src = src.href;
log(`serving the backend to ${frameOrigin}`);
