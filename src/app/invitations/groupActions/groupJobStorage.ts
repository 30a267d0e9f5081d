import { z } from 'zod';
import { backendErrorKinds } from '../../../engine/BackendError.ts';
import type { GroupJob } from './GroupJob.ts';

/** Where an unfinished group job is kept for the tab, so a reload can resume it. */
export const groupJobStorageKey = 'invite-doctor:group-job';

/** The persisted job: read, write, forget. Three methods, so tests pass a plain object. */
export interface GroupJobStorage {
  read(): GroupJob | null;
  write(job: GroupJob): void;
  clear(): void;
}

const errorSchema = z
  .object({ kind: z.enum(backendErrorKinds as [string, ...string[]]), retryAfterMs: z.number().nullable().optional(), reason: z.string().optional(), cause: z.string().optional(), status: z.number().optional() })
  .transform((error) => ({ ...error, ...(error.retryAfterMs === null ? { retryAfterMs: Number.NaN } : {}) }));

const itemSchema = z.object({
  userId: z.string().max(200),
  email: z.string().max(320),
  team: z.string().max(200),
  target: z.string().max(320).optional(),
  lastSentAt: z.string().nullable(),
  state: z.enum(['pending', 'in_flight', 'done', 'failed', 'skipped']),
  cancelled: z.boolean().optional(),
  skip: z.object({ reason: z.enum(['cooldown', 'notPending', 'noSuggestion', 'duplicate']), until: z.number().optional() }).optional(),
  error: errorSchema.optional(),
  newUserId: z.string().max(200).optional(),
  attempts: z.number().int().min(0),
});

const jobSchema = z.object({
  version: z.literal(1),
  action: z.enum(['resend', 'cancel', 'fixTypo']),
  label: z.string().max(500),
  startedAt: z.number().nullable(),
  items: z.array(itemSchema).max(50_000),
});

/**
 * The job in `storage` (sessionStorage in the app) under {@link groupJobStorageKey}. It holds
 * addresses, ids and states only: never a link, a token or a key. A value that does not parse (an
 * older shape, an edit by hand) reads as none; a full storage loses the resume, not the job.
 */
export function createGroupJobStorage(storage: Storage | null): GroupJobStorage {
  return {
    read() {
      try {
        const raw = storage?.getItem(groupJobStorageKey);
        if (!raw) return null;
        const parsed = jobSchema.safeParse(JSON.parse(raw));
        return parsed.success ? (parsed.data as GroupJob) : null;
      } catch {
        return null;
      }
    },
    write(job) {
      try {
        storage?.setItem(groupJobStorageKey, JSON.stringify(job));
      } catch {
        // Storage full or refused: the job runs on; only a reload could not resume it.
      }
    },
    clear() {
      try {
        storage?.removeItem(groupJobStorageKey);
      } catch {
        // Nothing to do: a value that cannot be removed is read again and offered as a resume.
      }
    },
  };
}
