// Reported figures that differ from what the exports show for the unit's projects at the period's
// end (待核实; exact match: the plan gives no tolerance), for Inputs.table.
import { fmtCount, zhDate } from "../shared/format.js";

export const reportMismatchOptions = {
  columns: ["unit_name", "period", "submitted_on", "figure_label", "reported", "exported", "difference"],
  header: { unit_name: "牵引单位", period: "报送期", submitted_on: "报送日期", figure_label: "指标", reported: "报送数", exported: "台账数", difference: "差额" },
  format: { submitted_on: zhDate, reported: fmtCount, exported: fmtCount, difference: (v: number) => (v > 0 ? `+${fmtCount(v)}` : fmtCount(v)) },
  layout: "auto",
  // Read-only lists: no row checkboxes (they would be unlabelled inputs).
  select: false,
  rows: 12,
};
