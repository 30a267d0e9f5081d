import type { BackendError } from './BackendError.ts';

/** The outcome of a backend call: a value or a typed error, never a thrown string. */
export type Result<T, E = BackendError> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err<E>(error: E): Result<never, E> {
  return { ok: false, error };
}
