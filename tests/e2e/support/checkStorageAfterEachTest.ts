import { afterEach } from 'vitest';
import { assertNoSecretsInStorage } from './assertNoSecretsInStorage.ts';

// A setup file of vitest.e2e.config.ts: after every e2e test, nothing secret in localStorage.
afterEach(assertNoSecretsInStorage);
