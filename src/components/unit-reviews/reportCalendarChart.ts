// The leading units' reporting calendar (五(五) 定期报送): one cell per unit and period owed, coloured
// by its state on the report date: filed on time, filed late, missing, or not yet due.
import * as Plot from "@observablehq/plot";
import type { UnitReportPeriod } from "../../../loaders/kpi/reportTypes.ts";
import { chartAria } from "../shared/chartAria.js";

const states = ["按时报送", "逾期报送", "未报送", "未到期"];
const colours = ["#1a7f37", "#a35200", "#c62828", "#c9ced6"];

/** Units down, periods across; each cell titled with its due day and, when late or missing, the days. */
export function reportCalendarChart(rows: UnitReportPeriod[], { width }: { width: number }) {
  width = Math.max(width, 320);
  const label = (r: UnitReportPeriod) => `${r.unit_name}(${r.unit_id})`;
  const units = [...new Set(rows.map(label))];
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const counts = states.map((s) => `${s}${rows.filter((r) => r.status_label === s).length}期`).join(",");
  return chartAria(Plot.plot({
    width,
    height: 60 + 18 * units.length,
    marginLeft: Math.min(260, Math.round(width * 0.45)),
    marginBottom: 50,
    style: { fontSize: "11px" },
    ariaLabel: "牵引单位报送日历",
    ariaDescription: `${units.length}家牵引单位应报送的各期:${counts}`,
    x: { domain: periods, label: null, tickRotate: -45, tickFormat: (p: string, i: number) => (periods.length > 18 && i % 3 !== 0 ? "" : p) },
    y: { domain: units, label: null },
    color: { domain: states, range: colours, legend: true },
    marks: [
      Plot.cell(rows, {
        x: "period",
        y: label,
        fill: "status_label",
        inset: 0.5,
        title: (r: UnitReportPeriod) => `${r.unit_name} ${r.period}期:${r.status_label}(应于${r.due_on}前报送${r.submitted_on ? `,${r.submitted_on}报送` : ""}${r.days_late != null ? `,逾期${r.days_late}天` : ""})`,
      }),
    ],
  }));
}
