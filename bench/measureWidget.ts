import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readWidgetFigure } from './readWidgetFigure.ts';

export type WidgetFigure =
  | { status: 'measured'; gzipBytes: number; field: string; label?: string; raw: unknown }
  | { status: 'missing'; reason: string; raw?: unknown };

/**
 * The widget script's gzipped size from bench/measureWidgetSize.ts, which belongs to the widget
 * engineer: imported only if the file exists at run time, its `measureWidgetSize` (or default)
 * export called; when the file, the export or a readable figure is absent, the figure is
 * reported missing, never made up.
 */
export async function measureWidget(options: { quick: boolean }): Promise<WidgetFigure> {
  const file = path.join(import.meta.dirname, 'measureWidgetSize.ts');
  if (!existsSync(file)) return { status: 'missing', reason: 'bench/measureWidgetSize.ts does not exist (yet)' };
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    return { status: 'missing', reason: `bench/measureWidgetSize.ts failed to load: ${(error as Error).message}` };
  }
  const measure = module.measureWidgetSize ?? module.default;
  if (typeof measure !== 'function') return { status: 'missing', reason: 'bench/measureWidgetSize.ts has no measureWidgetSize (or default) function export' };
  let raw: unknown;
  try {
    raw = await (measure as (options: { quick: boolean }) => unknown)(options);
  } catch (error) {
    return { status: 'missing', reason: `measureWidgetSize() threw: ${(error as Error).message}` };
  }
  const figure = readWidgetFigure(raw);
  if (!figure) return { status: 'missing', reason: `measureWidgetSize() returned no gzip figure the bench can read (${JSON.stringify(raw)?.slice(0, 200)})`, raw };
  return { status: 'measured', ...figure, raw };
}
