/**
 * Cells copied from a spreadsheet (Excel, WPS, Numbers, Google Sheets): tab-separated columns,
 * one line a row; a cell holding a tab, a line break or a quote comes wrapped in double quotes,
 * with its quotes doubled.
 */

/** Trims ordinary and full-width spaces (and the no-break space spreadsheets like to add). */
const trimCell = (cell: string): string =>
  cell.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');

/** Rows of trimmed cells; blank lines are skipped. */
export function parseTableText(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = String(text ?? '').replace(/\r\n?/g, '\n');

  const endCell = () => {
    row.push(trimCell(cell));
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (row.some((value) => value !== '')) rows.push(row);
    row = [];
  };

  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (quoted) {
      if (char !== '"') cell += char;
      else if (source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else quoted = false;
    } else if (char === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (char === '\t') endCell();
    else if (char === '\n') endRow();
    else cell += char;
  }
  endRow();
  return rows;
}
