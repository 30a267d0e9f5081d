// Shared test setup. DOM matchers are only registered where a DOM exists, so the
// engine and diagnostics suites really run without one.
if (typeof window !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
}

export {};
