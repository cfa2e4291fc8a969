/** CSV text → rows of cells, one per record, numbered as Excel numbers them. */
import Papa from "papaparse";
import type { RawCell } from "../normalise/result.ts";

// What separates cells in the exports seen: Excel (,), "Unicode text" (\t), European locales (;), some systems (|).
const DELIMITERS = [",", "\t", ";", "|"];

/** Parse CSV text (delimiter detected); result[i] is Excel row i+1, empty lines kept as [""]. */
export function parseCsv(text: string): RawCell[][] {
  let body = dropTrailingBlankLines(text);
  if (body.length === 0) return [];
  // Mixed line endings (files pasted together) would leave stray \r in cells or split records unevenly.
  if (body.includes("\r")) body = body.replace(/\r\n?/g, "\n");
  const result = Papa.parse<string[]>(body, {
    header: false,
    delimiter: guessDelimiter(body),
    newline: "\n",
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  return result.data;
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
