/**
 * `tsx scripts/widgetSize.ts` (the last step of `npm run build`): the widget's sizes, raw and
 * gzipped, against the 130 KB budget for the script a page loads.
 */
import { measureWidgetSize } from '../bench/measureWidgetSize.ts';

const budgetKb = 130;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = measureWidgetSize();
const width = Math.max(...rows.map((row) => row.file.length));
console.log(`\nWidget sizes (dist-widget/), gzip -9 per file`);
for (const [index, row] of rows.entries()) {
  if (index === 3) console.log('');
  console.log(`  ${row.file.padEnd(width)}  ${kb(row.bytes).padStart(9)}  ${kb(row.gzipBytes).padStart(9)} gz`);
}
const [initial] = rows;
const iife = rows.find((row) => row.file === 'invite-doctor.iife.js');
if (initial) console.log(`\nwidget script (initial load, React included): ${kb(initial.gzipBytes)} gz, budget ${budgetKb} KB: ${initial.gzipBytes / 1024 <= budgetKb ? 'ok' : 'OVER'}`);
if (iife) console.log(`single-script IIFE (everything inline, three languages): ${kb(iife.gzipBytes)} gz${iife.gzipBytes / 1024 > budgetKb ? ` (over the ${budgetKb} KB budget: an IIFE cannot load anything lazily)` : ''}`);
