/** Write one snapshot's files (every table in its layout) and return what was written and where the faults sit. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { tableIdentity } from "../../loaders/contract/tables.ts";
import type { RawCell } from "./cells.ts";
import { csvBytes } from "./csv.ts";
import { layouts } from "./layouts.ts";
import { sheetRows, type OutRow } from "./sheet.ts";
import type { World } from "./types.ts";
import { xlsxBytes } from "./xlsx.ts";

export interface FaultRecord {
  snapshot: string;
  file: string;
  row: number;
  column: string;
  code: string;
  /** The cell as written ("" when empty). */
  value: string;
}

export interface FileRecord {
  snapshot: string;
  file: string;
  table: string;
  rows: number;
  bytes: number;
}

function text(c: RawCell): string {
  if (c === null) return "";
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c);
}

export async function writeSnapshot(world: World, index: number, out: string): Promise<{ files: FileRecord[]; faults: FaultRecord[] }> {
  const snapshot = world.snapshots[index]!;
  await mkdir(join(out, snapshot), { recursive: true });
  const [y, m, d] = snapshot.split("-").map(Number) as [number, number, number];
  // The files of one snapshot are written together: zip compression runs off the main thread.
  const written = await Promise.all(
    layouts.map(async (layout) => {
      const rel = `${snapshot}/${layout.file(snapshot)}`;
      const faults: FaultRecord[] = [];
      let rows = 0;
      const onRow = (row: OutRow, n: number) => {
        rows = n;
        for (const mark of row.marks) faults.push({ snapshot, file: rel, row: n, column: mark.column, code: mark.code, value: text(mark.value) });
      };
      const source = sheetRows(layout, world, index);
      const meta = {
        sheetName: tableIdentity(layout.table).zh,
        when: new Date(Date.UTC(y, m - 1, d, 9, 30)),
        wallClock: new Date(Date.UTC(y, m - 1, d, 17, 30)),
        zipLevel: world.scale <= 1 ? 9 : 1,
      };
      const bytes = layout.format === "csv" ? csvBytes(layout, source, onRow) : await xlsxBytes(layout, source, meta, onRow);
      await writeFile(join(out, rel), bytes);
      return { file: { snapshot, file: rel, table: layout.table, rows, bytes: bytes.length }, faults };
    }),
  );
  return { files: written.map((x) => x.file), faults: written.flatMap((x) => x.faults) };
}
