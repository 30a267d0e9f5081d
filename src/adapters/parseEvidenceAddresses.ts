import { normalizeAddress } from '../diagnostics/normalizeAddress.ts';
import type { BackendError } from '../engine/BackendError.ts';
import { maxEvidenceAddresses } from '../engine/InvitationBackend.ts';
import { err, ok, type Result } from '../engine/Result.ts';

/**
 * The addresses of one `invitationEvidence` call as every backend reads them: 1–200 values, each
 * an address `normalizeAddress` accepts, returned normalised, in the order asked, each distinct
 * address once (the first time it appears). Anything else is refused the way the API's 400 reaches
 * a client (`unavailable`, cause `server`, status 400), its message naming the problem, so the
 * memory backend, the bridge and the server refuse alike. The 200 counts the values sent, before
 * duplicates collapse: a caller learns the limit from its own list, not from what it happens to hold.
 */
export function parseEvidenceAddresses(emails: unknown): Result<string[]> {
  if (!Array.isArray(emails)) return err(refusal('The addresses must be a list.'));
  if (emails.length === 0) return err(refusal('The list of addresses is empty; ask for at least one.'));
  if (emails.length > maxEvidenceAddresses) {
    return err(refusal(`${emails.length} addresses were asked for; at most ${maxEvidenceAddresses} fit in one call.`));
  }
  const seen = new Set<string>();
  for (const [index, value] of emails.entries()) {
    if (typeof value !== 'string') return err(refusal(`Entry ${index + 1} is not a string.`));
    const normalized = normalizeAddress(value);
    if (!normalized.ok) return err(refusal(`Entry ${index + 1} is not an address: ${normalized.message}`));
    seen.add(normalized.address);
  }
  return ok([...seen]);
}

function refusal(message: string): BackendError {
  return { kind: 'unavailable', cause: 'server', status: 400, message };
}
