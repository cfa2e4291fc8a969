/**
 * The rows of one file, top to bottom, as a person sees them in Excel: title, header, data with the
 * odd blank row and repeated header, the extra (faulty) rows, the 合计 row. Each row carries the
 * faults it holds, so the writer can record them with their row number.
 */
import { tableByKey } from "../../loaders/contract/tables.ts";
import type { IssueCode } from "../../loaders/ingest/issues.ts";
import type { RawCell } from "./cells.ts";
import { plan } from "./lookup.ts";
import type { Layout } from "./layouts.ts";
import { hashFinish, hashMore, HASH_START } from "./rng.ts";
import type { CellFault, ExtraRowFault, World } from "./types.ts";
import { viewTable, type Rec } from "./view.ts";

export interface Mark {
  code: IssueCode;
  /** Header text of the faulty column, as the file writes it. */
  column: string;
  value: RawCell;
}

export interface OutRow {
  cells: RawCell[];
  marks: Mark[];
  /** The title row (merged across the header width in xlsx). */
  title?: boolean;
}

/** "广州市中小企业数字化转型城市试点改造项目台账(截至2026年11月20日)·示例数据(虚构,仅供演示)". */
export function titleText(subject: string, snapshot: string): string {
  const [y, m, d] = snapshot.split("-").map(Number);
  return `${plan.city}中小企业数字化转型城市试点${subject}(截至${y}年${m}月${d}日)·示例数据(虚构,仅供演示)`;
}

const parseAmount = (c: RawCell): number | null => {
  if (typeof c === "number") return c;
  if (typeof c === "string" && /^-?[\d,]+(\.\d+)?$/.test(c)) return Number(c.replaceAll(",", ""));
  return null;
};

const cloudCounted = plan.targets.some((t) => t.measure.kind === "cloud_adoption");

export function* sheetRows(layout: Layout, w: World, index: number): Generator<OutRow> {
  const snapshot = w.snapshots[index]!;
  // An export carries the optional 上云用云日期 column only when the plan counts cloud adoption.
  const columns = tableByKey(plan, layout.table).columns.filter((c) => c.key !== "cloud_on" || cloudCounted);
  const headers = [...columns.map((c) => layout.header(c)), ...(layout.extra ?? []).map((x) => x.header)];
  const width = headers.length;
  const live = <T extends { table: string; from: number; to: number }>(f: T) => f.table === layout.table && f.from <= index && index <= f.to;
  const cellFaults = new Map<string, CellFault[]>();
  const extrasAfter = new Map<string, ExtraRowFault[]>();
  const extrasAtEnd: ExtraRowFault[] = [];
  for (const f of w.faults) {
    if (!live(f)) continue;
    if (f.kind === "cell") cellFaults.set(f.id, [...(cellFaults.get(f.id) ?? []), f]);
    else if (f.after) extrasAfter.set(f.after, [...(extrasAfter.get(f.after) ?? []), f]);
    else extrasAtEnd.push(f);
  }
  const recs = viewTable(w, layout.table, index);
  const byId = new Map(recs.map((r) => [r.id, r]));
  const colIndex = (key: string) => columns.findIndex((c) => c.key === key);
  const totalAt = layout.totalOf ? colIndex(layout.totalOf) : -1;
  // u for a cell = hash(seed, table, row id, column): stable across snapshots.
  const tableHash = hashMore(hashMore(HASH_START, w.seed), layout.table);
  const unit = (hashId: string, column: string) => hashFinish(hashMore(hashMore(tableHash, hashId), column));

  const render = (rec: Rec, hashId: string): RawCell[] => {
    const ctx = { snapshot, rec };
    const rowHash = hashMore(tableHash, hashId);
    const cells: RawCell[] = new Array(width);
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      const v = rec.values[c.key] ?? null;
      cells[i] = v === null ? null : layout.cell(c, v, hashFinish(hashMore(rowHash, c.key)), ctx);
    }
    (layout.extra ?? []).forEach((x, j) => (cells[columns.length + j] = x.cell(ctx, hashFinish(hashMore(rowHash, x.header)))));
    return cells;
  };
  const extraRow = (f: ExtraRowFault): OutRow => {
    const source = f.copyOf ? byId.get(f.copyOf) : { id: f.key, values: f.values ?? {} };
    if (!source) throw new Error(`fault ${f.code} copies ${f.copyOf}, absent from ${layout.table} on ${snapshot}`);
    const cells = render(source, f.copyOf ?? f.key);
    for (const [key, value] of Object.entries(f.override ?? {})) cells[colIndex(key)] = value;
    const i = colIndex(f.column);
    return { cells, marks: [{ code: f.code, column: headers[i]!, value: cells[i]! }] };
  };

  if (layout.title) yield { cells: [titleText(layout.title, snapshot), ...Array<RawCell>(width - 1).fill(null)], marks: [], title: true };
  yield { cells: headers, marks: [] };
  let total = 0;
  const count = (row: OutRow) => {
    if (totalAt >= 0) total += parseAmount(row.cells[totalAt]!) ?? 0;
    return row;
  };
  let n = 0;
  for (const rec of recs) {
    if (n > 0 && layout.repeatHeaderEvery && n % layout.repeatHeaderEvery === 0) yield { cells: headers, marks: [] };
    else if (n > 0 && layout.blankEvery && n % layout.blankEvery === 0) yield { cells: [], marks: [] };
    const cells = render(rec, rec.id);
    const marks: Mark[] = [];
    for (const f of cellFaults.get(rec.id) ?? []) {
      const i = colIndex(f.column);
      const c = columns[i]!;
      if (f.value !== undefined) cells[i] = f.value;
      else if (f.canon !== undefined && f.canon !== null) cells[i] = layout.cell(c, f.canon, unit(rec.id, c.key), { snapshot, rec });
      marks.push({ code: f.code, column: headers[i]!, value: cells[i]! });
    }
    yield count({ cells, marks });
    n++;
    for (const f of extrasAfter.get(rec.id) ?? []) yield count(extraRow(f));
  }
  for (const f of extrasAtEnd) yield count(extraRow(f));
  if (layout.totalOf) {
    const cells = Array<RawCell>(width).fill(null);
    cells[0] = "合计";
    cells[totalAt] = Math.round(total * 100) / 100;
    yield { cells: [], marks: [] };
    yield { cells, marks: [] };
  }
}
