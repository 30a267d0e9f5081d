/**
 * `tsx scripts/widgetSize.ts` (the last step of `npm run build`): the widget's sizes, raw and
 * gzipped, against the 130 KB budget for what a plain-script host page loads at first (the first
 * row of `measureWidgetSize()`, the figure the bench reports).
 */
import { measureWidgetSize } from '../bench/measureWidgetSize.ts';

const budgetKb = 130;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = measureWidgetSize();
const width = Math.max(...rows.map((row) => row.file.length));
console.log(`\nWidget sizes (dist-widget/), gzip -9 per file`);
for (const [index, row] of rows.entries()) {
  if (row.kind === 'file' && rows[index - 1]?.kind === 'load') console.log('');
  console.log(`  ${row.file.padEnd(width)}  ${kb(row.bytes).padStart(9)}  ${kb(row.gzipBytes).padStart(9)} gz`);
}
const [initial, , session] = rows;
if (initial) console.log(`\nwidget script (plain <script> tag, initial load, React included): ${kb(initial.gzipBytes)} gz, budget ${budgetKb} KB: ${initial.gzipBytes / 1024 <= budgetKb ? 'ok' : 'OVER'}`);
if (initial && session) console.log(`an inline widget also fetches its first session at once: ${kb(initial.gzipBytes + session.gzipBytes)} gz in all (a button launcher waits until it is opened)`);
