import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { startShellPlugin } from './scripts/startShellPlugin.ts';

export default defineConfig({
  plugins: [react(), startShellPlugin()],
  server: { port: 5173, strictPort: false },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    pool: 'threads',
  },
});
