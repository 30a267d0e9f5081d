import { Component, type ErrorInfo, type ReactNode } from 'react';
// Straight from its module: the start page's chunk must not pull in the engine.
import { maskSecrets } from '../engine/maskSecrets.ts';

interface ErrorBoundaryProps {
  children: ReactNode;
  /** What to show instead of the crashed children; `retry` renders them again. */
  fallback(retry: () => void): ReactNode;
  /** A change of this value (e.g. the route) clears a caught error. */
  resetKey?: unknown;
  /** Told a masked one-line summary of a caught error (the root's `onCaughtError` logs it: see `rootErrorOptions`). */
  onError?(summary: string): void;
}

interface ErrorBoundaryState {
  failed: boolean;
  resetKey: unknown;
}

/**
 * Keeps one view's crash from blanking the app: the view is replaced by `fallback`. It logs
 * nothing itself: React reports a caught error to the root's `onCaughtError`, which the app sets
 * to {@link rootErrorOptions} (a masked one-line summary, never a stack, props or state, any of
 * which may hold an invite link).
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<ErrorBoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: ErrorBoundaryState): Partial<ErrorBoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    this.props.onError?.(describeError(error));
  }

  retry = (): void => {
    this.setState({ failed: false });
  };

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback(this.retry) : this.props.children;
  }
}

/** `TypeError: x is undefined`, masked and cut to 200 characters. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return maskSecrets(`${error.name}: ${error.message}`).slice(0, 200);
  return typeof error === 'string' ? maskSecrets(error).slice(0, 200) : 'unknown error';
}

/**
 * `createRoot` options that replace React's default error logging (the whole error with its
 * component stack) by one masked line: what the console of a support agent's browser shows
 * must not hold a link or a token.
 */
export const rootErrorOptions = {
  onCaughtError(error: unknown): void {
    console.error(`Invite Doctor: a view failed and was replaced by a message (${describeError(error)}).`);
  },
  onUncaughtError(error: unknown): void {
    console.error(`Invite Doctor: the app failed (${describeError(error)}).`);
  },
  onRecoverableError(error: unknown): void {
    console.warn(`Invite Doctor: recovered from an error (${describeError(error)}).`);
  },
};
