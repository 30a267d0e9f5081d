import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { startShellPlugin } from './scripts/startShellPlugin.ts';

// In dev, the Invite Doctor server answers on the app's own origin (`VITE_BACKEND=server`, see scripts/start.ts).
const serverTarget = `http://127.0.0.1:${process.env.INVITE_DOCTOR_PORT ?? 8787}`;

export default defineConfig({
  plugins: [react(), startShellPlugin()],
  server: {
    port: 5173,
    strictPort: false,
    proxy: { '/v1': { target: serverTarget }, '/health': { target: serverTarget } },
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    pool: 'threads',
    // Vitest leaves one core free by default, which on a 2-core machine runs every file in turn
    // (211 s); both cores bring npm test to about 140 s.
    maxWorkers: availableParallelism(),
  },
});
