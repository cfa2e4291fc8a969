/**
 * Character-set detection for CSV exports. Never configured: Excel on Chinese Windows writes
 * GB18030/GBK, the platform writes UTF-8 (with or without BOM), "Unicode text" is UTF-16LE.
 */

/** The encodings a CSV export is recognised in. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "gb18030";

/** Decoded text, the encoding it was read in, and whether undecodable bytes were replaced by U+FFFD. */
export interface Decoded {
  text: string;
  encoding: TextEncoding;
  replaced: boolean;
}

const REPLACEMENT = 0xfffd;

/** Decode a file's bytes, detecting the encoding; `replaced` means the caller reports ENCODING_REPLACED. */
export function decodeText(buf: Buffer): Decoded {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return lenient("utf-8", buf.subarray(3), "utf-8-bom");
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return lenient("utf-16le", buf.subarray(2), "utf-16le");
  }
  // A BOM-less UTF-16LE file is valid UTF-8 full of NULs; text files never hold NULs otherwise.
  if (looksUtf16le(buf)) return lenient("utf-16le", buf, "utf-16le");

  const utf8 = strict("utf-8", buf);
  if (utf8 != null) return { text: utf8, encoding: "utf-8", replaced: false };

  // Most UTF-8 multi-byte sequences are also valid GB18030, so a UTF-8 file with a few stray
  // bytes can decode "cleanly" as GB18030 into mojibake. Decide by how much of the file is valid
  // UTF-8: GBK text forms valid UTF-8 sequences only by chance (a few percent of characters).
  const loose = new TextDecoder("utf-8").decode(buf);
  const { good, bad } = countNonAscii(loose);
  const mostlyUtf8 = good > bad;

  if (!mostlyUtf8) {
    const gb = strict("gb18030", buf);
    if (gb != null) return { text: gb, encoding: "gb18030", replaced: false };
  }
  if (mostlyUtf8) return { text: loose, encoding: "utf-8", replaced: true };
  const gbLoose = new TextDecoder("gb18030").decode(buf);
  // Both invalid and not mostly UTF-8: keep whichever loses fewer characters.
  return countNonAscii(gbLoose).bad <= bad
    ? { text: gbLoose, encoding: "gb18030", replaced: true }
    : { text: loose, encoding: "utf-8", replaced: true };
}

function strict(label: string, buf: Buffer): string | null {
  try {
    // ignoreBOM keeps the decoder from silently eating a BOM we did not detect ourselves.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return null;
  }
}

// With a BOM the encoding is declared, so invalid bytes are replacements, not a reason to guess again.
function lenient(label: string, body: Buffer, encoding: TextEncoding): Decoded {
  const text = strict(label, body);
  if (text != null) return { text, encoding, replaced: false };
  return { text: new TextDecoder(label, { ignoreBOM: true }).decode(body), encoding, replaced: true };
}

function countNonAscii(text: string): { good: number; bad: number } {
  let good = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === REPLACEMENT) bad++;
    else if (c > 0x7f) good++;
  }
  return { good, bad };
}

function looksUtf16le(buf: Buffer): boolean {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return false;
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZeros++;
    if (buf[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  return oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05;
}
