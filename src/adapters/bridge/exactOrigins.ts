/**
 * The allow-list as given, after checking that every entry is an exact origin
 * (`scheme://host[:port]`, nothing more): a wildcard, `null`, a path or a trailing slash is a
 * configuration error, reported at once rather than silently matching nothing or everything.
 */
export function exactOrigins(origins: readonly string[]): readonly string[] {
  if (origins.length === 0) throw new TypeError('invite-doctor bridge: allowedOrigins is empty; list the exact origins to talk to.');
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = null;
    }
    if (!parsed || origin.includes('*') || parsed.origin === 'null' || parsed.origin !== origin) {
      throw new TypeError(`invite-doctor bridge: "${origin}" is not an exact origin such as https://admin.example.com (no wildcards, paths or trailing slashes).`);
    }
  }
  return [...origins];
}
