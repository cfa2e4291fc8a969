/** CSV text → rows of cells, one per record, numbered as Excel numbers them. */
import Papa from "papaparse";
import type { RawCell } from "../normalise/result.ts";

// What separates cells in the exports seen: Excel (,), "Unicode text" (\t), European locales (;), some systems (|).
const DELIMITERS = [",", "\t", ";", "|"];

/** Parse CSV text (delimiter detected); result[i] is Excel row i+1, empty lines kept as [""]. */
export function parseCsv(text: string): RawCell[][] {
  return parseCsvText(text).rows;
}

/** Rows as parseCsv gives them, and the Excel rows where a broken quote was repaired (CSV_UNCLOSED_QUOTE). */
export interface CsvText {
  rows: RawCell[][];
  brokenQuotes: number[];
}

// Each repair re-parses the text; past this many, quotes stop counting as quotes at all.
const MAX_QUOTE_REPAIRS = 10;

/**
 * Parse CSV text, repairing broken quoting. A cell that opens a quote and never closes it
 * properly (a file cut short, `"ABC` or `"ABC"D` typed into a cell) would make the parser swallow
 * every later row into that one cell: the rows would silently vanish. Instead the opening quote
 * is dropped and the text parsed again, and the row is reported.
 */
export function parseCsvText(text: string): CsvText {
  let body = dropTrailingBlankLines(text);
  if (body.length === 0) return { rows: [], brokenQuotes: [] };
  // Mixed line endings (files pasted together) would leave stray \r in cells or split records unevenly.
  if (body.includes("\r")) body = body.replace(/\r\n?/g, "\n");
  const delimiter = guessDelimiter(body);
  const brokenQuotes: number[] = [];
  for (let repairs = 0; ; repairs++) {
    const result = parse(body, delimiter, '"');
    const broken = result.errors.find((e) => e.type === "Quotes");
    if (!broken) return { rows: result.data, brokenQuotes };
    // papaparse reports the position just after the opening quote and the record it belongs to.
    const at = (broken.index ?? 0) - 1;
    brokenQuotes.push((broken.row ?? 0) + 1);
    if (repairs >= MAX_QUOTE_REPAIRS || body.charCodeAt(at) !== 0x22) {
      // Quotes off: every later cell that opens a quote keeps it as text, and its row is named too.
      const rows = parse(body, delimiter, unusedChar(body)).data;
      for (let i = broken.row ?? 0; i < rows.length; i++) if (rows[i]!.some((c) => c.charCodeAt(0) === 0x22)) brokenQuotes.push(i + 1);
      return { rows, brokenQuotes };
    }
    body = body.slice(0, at) + body.slice(at + 1);
  }
}

function parse(body: string, delimiter: string, quoteChar: string) {
  return Papa.parse<string[]>(body, { header: false, delimiter, newline: "\n", quoteChar, skipEmptyLines: false, dynamicTyping: false });
}

// A character the text does not hold, to parse with quoting switched off.
function unusedChar(body: string): string {
  for (let c = 1; ; c++) {
    const ch = String.fromCharCode(c);
    if (c !== 0x0a && !body.includes(ch)) return ch;
  }
}

/**
 * The delimiter most lines agree on. Papaparse's own guess wants ≥ 2 fields on average over the
 * first 10 lines, which a title row plus a short table fails; here the delimiter wins whose most
 * common (non-zero) count per line holds on the most lines, so title and note lines do not vote.
 */
function guessDelimiter(text: string): string {
  const sample = text.slice(0, 65536).split("\n");
  if (text.length > 65536) sample.pop(); // the last line may be cut
  const lines = sample.filter((l) => l.trim() !== "").slice(0, 100);
  let best = { d: DELIMITERS[0]!, support: 0, fields: 0 };
  for (const d of DELIMITERS) {
    const freq = new Map<number, number>();
    for (const line of lines) {
      const n = line.split(d).length - 1;
      if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    }
    for (const [fields, support] of freq) {
      if (support > best.support || (support === best.support && fields > best.fields)) best = { d, support, fields };
    }
  }
  return best.d;
}

// Characters a padding line may consist of: whitespace and the delimiters (Excel pads with ",,,,").
function isPadding(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2c || c === 0x3b || c === 0x7c ||
    c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x200b
  );
}

/**
 * Cut the text after the last line that holds any content, scanning from the end, so a file
 * padded with millions of empty (or ",,,,") lines costs one pass and no rows. A regex like
 * /\s+$/ would be quadratic on such input.
 */
function dropTrailingBlankLines(text: string): string {
  let i = text.length - 1;
  while (i >= 0 && isPadding(text.charCodeAt(i))) i--;
  if (i < 0) return "";
  // Keep the rest of that last line (its trailing empty cells), stop before its line break.
  let end = i + 1;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 0x0a || c === 0x0d) break;
    end++;
  }
  return end === text.length ? text : text.slice(0, end);
}
