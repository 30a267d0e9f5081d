/** What stands for a hidden part. */
const dots = '•••';

/** Punctuation that ends a sentence rather than a link: kept outside the masked part. */
const trailingPunctuation = /[.,;:!?)\]}'"»]+$/;

/** `scheme://[user[:pass]@]host[:port]` followed by anything up to white space or a quote. */
const urlWithScheme = /\b([a-z][a-z0-9+.-]*):\/\/(?:([^\s/?#<>"'@]*)@)?([^\s/?#<>"'@]+)([^\s<>"']*)/gi;

/**
 * A host name without a scheme, followed by a path, query or fragment: `app.example.com/invite/…`.
 * Needs a dot and a top-level domain of letters, so `5.1.1/…` or `10:15` never match; a host
 * right after `@`, `.` or a letter (an address, or a part of a longer word) is left alone.
 */
const urlWithoutScheme = /(?<![\w@.\-/:])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?)([/?#][^\s<>"']*)/gi;

/** `token=…`, `code=…`, `t=…` outside a link (a link is masked whole before this runs). */
const secretParameter = /(?<![\w-])(access_token|refresh_token|id_token|token|code|otp|secret|password|passwd|pwd|api_?key|apikey|key|sig|signature|t)=([^\s&#"'<>]+)/gi;

/** `password: hunter2`, `token: …`. Not `code:`: a DSN says `Diagnostic-Code: smtp; 550 …`. */
const secretLabel = /\b(password|passwd|secret|api[ _-]?key|token)(\s*:\s*)([^\s,;]+)/gi;

/** `Bearer eyJ…` (an Authorization header pasted from a console). */
const bearer = /\b(bearer)(\s+)([A-Za-z0-9._~+/-]{8,}=*)/gi;

/** Names whose value is a secret at any length; the others (`code`, `t`, `key`, `sig`) from 6 characters on. */
const alwaysSecret = new Set(['access_token', 'refresh_token', 'id_token', 'token', 'secret', 'password', 'passwd', 'pwd', 'api_key', 'apikey', 'otp']);

/** A run of base64url or hex characters of 20 and more, not part of an address or a host name. */
const longRun = /(?<![\w@.\-/+=])[A-Za-z0-9_-]{20,}={0,2}(?![\w@\-/+]|\.\w)/g;

/**
 * Hides what must never leave a session in clear: links (invite and reset links carry their token
 * in the path, the query or the fragment), credentials in links, `token=` or `password:` values
 * and long random-looking tokens standing alone. The host stays visible, so a reader still sees
 * which system a link pointed to. Ordinary text, email addresses and SMTP codes (`550 5.1.1`)
 * stay as they are. Idempotent: masking a masked text changes nothing.
 */
export function maskSecrets(text: string): string {
  return text
    .replace(urlWithScheme, (match: string, scheme: string, credentials: string | undefined, host: string, rest: string) => {
      const tail = trailingOf(rest);
      const path = rest.slice(0, rest.length - tail.length);
      const who = credentials === undefined ? '' : `${dots}@`;
      return `${scheme}://${who}${host}${maskedPath(path)}${tail}`;
    })
    .replace(urlWithoutScheme, (match: string, host: string, rest: string, offset: number, whole: string) => {
      // Already masked by the first rule (`https://host/•••`): the host is preceded by `//`.
      if (whole.slice(Math.max(0, offset - 2), offset) === '//') return match;
      const tail = trailingOf(rest);
      return `${host}${maskedPath(rest.slice(0, rest.length - tail.length))}${tail}`;
    })
    .replace(secretParameter, (match: string, name: string, value: string) =>
      value.includes(dots) || (!alwaysSecret.has(name.toLowerCase()) && value.length < 6) ? match : `${name}=${dots}`,
    )
    .replace(secretLabel, (match: string, label: string, gap: string, value: string) => (looksLikeSecretValue(value) ? `${label}${gap}${dots}` : match))
    .replace(bearer, (match: string, label: string, gap: string, value: string) => (value.includes(dots) ? match : `${label}${gap}${dots}`))
    .replace(longRun, (token) => (looksRandom(token) ? `${token.slice(0, 4)}${dots}` : token));
}

/** A path, query or fragment becomes `/•••`; a bare `/` (or nothing) stays: a host alone is no secret. */
function maskedPath(path: string): string {
  if (path === '' || path === '/') return path;
  return `/${dots}`;
}

/** `hunter2`, `s3cr3t!` but not `done` or `reset`: 6+ characters and not just lower-case letters. */
function looksLikeSecretValue(value: string): boolean {
  return !value.includes(dots) && value.length >= 6 && !/^[a-z]+$/.test(value);
}

function trailingOf(rest: string): string {
  return trailingPunctuation.exec(rest)?.[0] ?? '';
}

/**
 * A token rather than a word: has a digit and a letter (hex or base64url), or mixes upper and
 * lower case inside the word more than an identifier would (`checkDeliveryLog` stays).
 */
function looksRandom(run: string): boolean {
  const core = run.replace(/=+$/, '');
  const digits = (core.match(/\d/g) ?? []).length;
  const letters = (core.match(/[A-Za-z]/g) ?? []).length;
  if (digits > 0 && letters > 0) return true;
  if (digits >= 20) return true;
  const caseChanges = (core.match(/[a-z][A-Z]|[A-Z][a-z]/g) ?? []).length;
  return caseChanges >= core.length / 3;
}

/** Every string inside `value` masked with {@link maskSecrets}; keys and other values unchanged. */
export function maskSecretsDeep<T>(value: T): T {
  if (typeof value === 'string') return maskSecrets(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => maskSecretsDeep(item)) as T;
  if (!value || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = maskSecretsDeep(item);
  return copy as T;
}

/** `anna.berg@example.com` → `a•••@example.com`: enough to tell cases apart, not enough to write to. */
export function redactAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${address.slice(0, 1)}•••${address.slice(at)}`;
}
