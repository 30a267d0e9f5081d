import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// The engine and diagnostics are pure: no React, no DOM globals, no adapters, no app code.
// This rule is what keeps one flow usable from the SPA, the widget, a CLI and a server.
const pureLayerImports = {
  patterns: [
    { group: ['react', 'react-dom', 'react-*', '@xstate/react', 'zustand', 'i18next'], message: 'The engine and diagnostics stay framework-free.' },
    { group: ['**/adapters/**', '**/ui/**', '**/app/**', '**/embed/**', '**/registry/**'], message: 'Dependencies point down only (see ARCHITECTURE.md).' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'coverage', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/diagnostics/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', pureLayerImports],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator'],
    },
  },
  {
    files: ['scripts/**/*.ts', 'server/**/*.ts', 'bench/**/*.ts', 'tests/**/*.{ts,tsx}'],
    rules: { 'no-console': 'off' },
  },
);
