import { applicationDefault, cert, initializeApp, type App, type ServiceAccount } from 'firebase-admin/app';
import { ConfigError } from '../../config/loadConfig.ts';
import type { FirebaseConfig } from './firebaseIdentity.ts';

let appCount = 0;

/**
 * A named `firebase-admin` app of its own (never the default app, which a host process may use),
 * with the service account from `FIREBASE_SERVICE_ACCOUNT_JSON` (JSON text, or a path to the key
 * file) or else the application default credentials. With `FIREBASE_AUTH_EMULATOR_HOST` set the
 * SDK talks to the emulator and needs no credential at all.
 */
export function createFirebaseApp(config: FirebaseConfig): App {
  appCount += 1;
  const name = `invite-doctor-firebase-${appCount}`;
  if (process.env.FIREBASE_AUTH_EMULATOR_HOST) return initializeApp({ projectId: config.projectId }, name);
  return initializeApp({ projectId: config.projectId, credential: readCredential(config.serviceAccount) }, name);
}

function readCredential(serviceAccount: string | null) {
  if (serviceAccount === null) return applicationDefault();
  try {
    if (serviceAccount.trimStart().startsWith('{')) return cert(JSON.parse(serviceAccount) as ServiceAccount);
    return cert(serviceAccount);
  } catch {
    // The setting holds a private key: name it, never quote it.
    throw new ConfigError('Invalid setting FIREBASE_SERVICE_ACCOUNT_JSON: must be a service account key (its JSON text, or the path to its file) with project_id, client_email and private_key.');
  }
}
