/**
 * Contact phone numbers: mainland mobiles and landlines with area code. The value is personal
 * data, so a failure carries no params: nothing of the number may reach a message or a log.
 */
import { fail, okValue, type Norm, type RawCell } from "./result.ts";
import { cellToString, cleanId, cleanText, isBlank } from "./text.ts";

// Separators people put inside numbers.
const MOBILE_STRIP_RE = /[-()]/g;
const MOBILE_RE = /^(?:\+?86|0086)?(1[3-9]\d{9})$/;
// Area codes 010 and 02x have three digits, all others four, so "02083123456" splits one way only.
// Local numbers have 7–8 digits, never start with 0 or 1, and are often written "8312-3456".
// The area code comes with its 0, or after +86/0086 without it.
const LANDLINE_RE =
  /^(?:\((0[12]\d|0[3-9]\d{2})\)-?|(0[12]\d|0[3-9]\d{2})-?|(?:\+86|0086)-?\(?([12]\d|[3-9]\d{2})\)?-?)([2-9]\d{2,3}-?\d{4})(?:(?:-|转|分机|ext\.?|#)(\d{1,6}))?$/;

/** A mobile as 11 digits, or a landline as "0AA(A)-NNNNNNN(N)" with "-ext" when it has an extension. */
export function parsePhone(raw: RawCell): Norm<string> {
  if (raw === null || raw === undefined) return okValue(null);
  if (typeof raw === "boolean" || raw instanceof Date) return fail("INVALID_PHONE");
  const text = cleanText(cellToString(raw));
  if (isBlank(text)) return okValue(null);
  const s = cleanId(text).toLowerCase();
  const mobile = MOBILE_RE.exec(s.replace(MOBILE_STRIP_RE, ""));
  if (mobile !== null) return okValue(mobile[1]!);
  const land = LANDLINE_RE.exec(s);
  if (land === null) return fail("INVALID_PHONE");
  const area = land[1] ?? land[2] ?? "0" + land[3];
  const local = land[4]!.replace(MOBILE_STRIP_RE, "");
  const ext = land[5];
  return okValue(ext === undefined ? `${area}-${local}` : `${area}-${local}-${ext}`);
}
