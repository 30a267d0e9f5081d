/**
 * A text's interpolated values, each string as its own bidirectional isolate (FSI … PDI,
 * U+2068/U+2069, as Fluent does): in a right-to-left sentence an address, a domain, a code or an
 * English team name keeps its own order, and the punctuation around it stays with the sentence.
 * For right-to-left languages only; only the values i18next interpolates (`replace`), never the
 * options it reads (`count`, `context`).
 */
export function isolateParams(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === 'string' && value !== '' ? `\u2068${value}\u2069` : value]));
}
