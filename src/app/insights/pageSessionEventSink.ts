import { appBackendConfig } from '../appBackend.ts';
import { apiKeyStorage } from '../signIn/apiKeyStorage.ts';
import { watchForSignedOut } from '../signIn/watchForSignedOut.ts';
import { createLocalEventSink } from './createLocalEventSink.ts';
import { createServerEventSink } from './createServerEventSink.ts';
import type { SessionEventSink } from './SessionEventSink.ts';

let sink: SessionEventSink | null = null;

/**
 * This page's sink, made on first use: with the server, posts to it (the signed-in key, batched,
 * retried while the tab is open); in the static demo, this browser's localStorage.
 */
export function pageSessionEventSink(): SessionEventSink {
  if (sink) return sink;
  const config = appBackendConfig();
  if (config.kind === 'server') sink = createServerEventSink({ baseUrl: config.baseUrl, token: apiKeyStorage.read, fetch: watchForSignedOut });
  else sink = typeof localStorage === 'undefined' ? { add() {} } : createLocalEventSink(localStorage);
  return sink;
}
