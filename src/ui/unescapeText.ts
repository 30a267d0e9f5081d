const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x2F;': '/', '&amp;': '&' };

/**
 * i18next escapes interpolated values for HTML (its default, kept on purpose). React renders
 * every string as a text node and escapes it itself, so the entities are turned back into the
 * characters a person typed: `o'neil@x.com` must not read `o&#39;neil@x.com`. The result is
 * only ever used as text, never as HTML.
 */
export function unescapeText(text: string): string {
  return text.replace(/&(?:lt|gt|quot|#39|#x2F|amp);/g, (entity) => entities[entity] ?? entity);
}
