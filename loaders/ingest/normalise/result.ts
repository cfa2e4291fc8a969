import type { IssueCode } from "../issues.ts";

/** A cell as a reader hands it over: CSV gives strings, XLSX may give numbers, dates and booleans. */
export type RawCell = string | number | boolean | Date | null;

/** What a normaliser says about one cell: a value (null when empty), maybe with a warning, or a coded failure. */
export type Norm<T> =
  | { ok: true; value: T | null; warning?: { code: IssueCode; params?: Record<string, unknown> } }
  | { ok: false; code: IssueCode; params: Record<string, unknown> };

export const okValue = <T>(value: T | null): Norm<T> => ({ ok: true, value });
export const fail = <T>(code: IssueCode, params: Record<string, unknown> = {}): Norm<T> => ({ ok: false, code, params });
