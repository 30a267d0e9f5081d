import { err, ok, type Result } from '../../../src/engine/Result.ts';

/** A typed field value such as `rfc822; ana@example.com` or `smtp; 550 5.1.1 …` (RFC 3464 §2.1.2). */
export interface TypedValue {
  /** The type before the semicolon, lower case (`rfc822`, `smtp`, `dns`, `x-unix`); null when missing. */
  type: string | null;
  value: string;
}

/** The per-message fields of a delivery-status report (RFC 3464 §2.2). */
export interface PerMessageFields {
  reportingMta: TypedValue | null;
  arrivalDate: string | null;
  /** Every field of the group, lower-case names, unfolded values (vendor fields such as X-Postfix-* included). */
  fields: ReadonlyMap<string, string>;
}

/** One recipient's fields (RFC 3464 §2.3). */
export interface PerRecipientFields {
  finalRecipient: TypedValue;
  originalRecipient: TypedValue | null;
  /** failed, delayed, delivered, relayed or expanded (lower case). */
  action: string;
  /** The enhanced status code, e.g. `5.1.1`. */
  status: string;
  diagnosticCode: TypedValue | null;
  remoteMta: TypedValue | null;
  fields: ReadonlyMap<string, string>;
}

export interface DeliveryStatus {
  perMessage: PerMessageFields;
  recipients: PerRecipientFields[];
}

const actions = new Set(['failed', 'delayed', 'delivered', 'relayed', 'expanded']);
const statusPattern = /^[245]\.\d{1,3}\.\d{1,3}$/;

/**
 * Reads the body of a `message/delivery-status` part: one per-message field group, then one group
 * per recipient, groups separated by blank lines, header-style fields that may be folded. Never
 * throws: a report without a usable recipient group is an error value naming the problem. Fields
 * it does not know (X-Postfix-Queue-ID, X-Display-Name, Exchange's X-…) are kept in `fields` and
 * otherwise ignored. A recipient group missing Final-Recipient, Action or Status (all required by
 * the RFC) is skipped; if no group is left, the report is refused.
 */
export function readDeliveryStatus(body: string): Result<DeliveryStatus, string> {
  const groups = splitGroups(body);
  if (groups.length < 2) return err('the delivery-status part has no per-recipient field group');
  const [messageGroup, ...recipientGroups] = groups as [Map<string, string>, ...Map<string, string>[]];
  const recipients: PerRecipientFields[] = [];
  for (const fields of recipientGroups) {
    const finalRecipient = typed(fields.get('final-recipient'));
    const action = fields.get('action')?.toLowerCase().split(/\s/)[0];
    const status = fields.get('status')?.match(/^\s*([245]\.\d{1,3}\.\d{1,3})/)?.[1];
    if (!finalRecipient || !action || !actions.has(action) || !status || !statusPattern.test(status)) continue;
    recipients.push({
      finalRecipient,
      originalRecipient: typed(fields.get('original-recipient')),
      action,
      status,
      diagnosticCode: typed(fields.get('diagnostic-code')),
      remoteMta: typed(fields.get('remote-mta')),
      fields,
    });
  }
  if (recipients.length === 0) return err('no per-recipient group has Final-Recipient, Action and Status');
  return ok({
    perMessage: { reportingMta: typed(messageGroup.get('reporting-mta')), arrivalDate: messageGroup.get('arrival-date') ?? null, fields: messageGroup },
    recipients,
  });
}

/** The address in a Final-/Original-Recipient value, without angle brackets, lower case. */
export function recipientAddress(value: TypedValue): string {
  return value.value.replace(/^<|>$/g, '').trim().toLowerCase();
}

/** Splits into field groups; a line starting with white space continues the previous field. */
function splitGroups(body: string): Map<string, string>[] {
  const groups: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  let lastName: string | null = null;
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (current && current.size > 0) groups.push(current);
      current = null;
      lastName = null;
      continue;
    }
    current ??= new Map();
    if (/^[ \t]/.test(line)) {
      // A folded line (RFC 5322 §2.2.3): unfold into the field above, if there is one.
      if (lastName !== null) current.set(lastName, `${current.get(lastName) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      lastName = null;
      continue;
    }
    lastName = line.slice(0, colon).trim().toLowerCase();
    // The first occurrence wins: a field repeated in a group is a malformed report's problem, not ours.
    if (!current.has(lastName)) current.set(lastName, line.slice(colon + 1).trim());
    else lastName = null;
  }
  if (current && current.size > 0) groups.push(current);
  return groups;
}

function typed(raw: string | undefined): TypedValue | null {
  if (raw === undefined || raw.trim() === '') return null;
  const semicolon = raw.indexOf(';');
  if (semicolon < 0) return { type: null, value: raw.trim() };
  return { type: raw.slice(0, semicolon).trim().toLowerCase() || null, value: raw.slice(semicolon + 1).trim() };
}
