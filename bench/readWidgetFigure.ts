import { bytesPerKb } from './gzipSize.ts';

/**
 * The gzipped size, in bytes, in whatever `measureWidgetSize()` (the widget engineer's module)
 * returns, when its shape says the unit: a field named like `gzipBytes` / `gzBytes` (bytes) or
 * `gzipKb` / `gzKb` / `gzipKB` (KB of 1,024 B), at the top level or one object down
 * (`{ widget: { gzipBytes } }`). A list of rows (what measureWidgetSize returns: "the bench reads
 * the first row") is read from its first row, whose `file` label is kept. Anything else: `null`,
 * the figure is not guessed.
 */
export function readWidgetFigure(result: unknown): { gzipBytes: number; field: string; label?: string } | null {
  if (Array.isArray(result)) {
    const first: unknown = result[0];
    const found = readWidgetFigure(first);
    if (!found) return null;
    const label = first && typeof first === 'object' && typeof (first as { file?: unknown }).file === 'string' ? (first as { file: string }).file : undefined;
    return { ...found, field: `[0].${found.field}`, ...(label ? { label } : {}) };
  }
  const visit = (value: unknown, trail: string, depth: number): { gzipBytes: number; field: string } | null => {
    if (!value || typeof value !== 'object') return null;
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [key, field] of entries) {
      if (typeof field !== 'number' || !Number.isFinite(field) || field < 0) continue;
      if (/^(gzip|gz|gzipped)(Size)?Bytes$/i.test(key)) return { gzipBytes: field, field: `${trail}${key}` };
      if (/^(gzip|gz|gzipped)(Size)?Kb$/i.test(key)) return { gzipBytes: field * bytesPerKb, field: `${trail}${key}` };
    }
    if (depth === 0) return null;
    for (const [key, field] of entries) {
      const found = visit(field, `${trail}${key}.`, depth - 1);
      if (found) return found;
    }
    return null;
  };
  return visit(result, '', 1);
}
