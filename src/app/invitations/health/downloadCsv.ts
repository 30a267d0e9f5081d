/** Offers `csv` as a file download (a Blob URL, revoked once the click has started it). */
export function downloadCsv(csv: string, fileName: string): void {
  // A byte-order mark, so spreadsheet programs read the file as UTF-8 (å, ä, ö, ü in names).
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
