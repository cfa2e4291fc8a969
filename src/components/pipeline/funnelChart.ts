// The pipeline funnel: how many enterprises reached each stage of plan 五 (意愿摸查 → … → 补助拨付).
import * as Plot from "@observablehq/plot";
import type { PipelineStage } from "../../../loaders/kpi/reportTypes.ts";
import { fmtCount, fmtPct } from "../shared/format.js";
import { chartAria } from "../shared/chartAria.js";

/** Centred bars per stage, each labelled with its count and the conversion from the stage before. */
export function funnelChart(stages: PipelineStage[], { width }: { width: number }) {
  // Resize can report a transient sliver of width (e.g. while a page is re-laid out); never draw narrower.
  width = Math.max(width, 240);
  const label = (s: PipelineStage) => `${fmtCount(s.enterprises)}家${s.conversion == null ? "" : ` · 转化${fmtPct(s.conversion)}`}`;
  const max = Math.max(1, ...stages.map((s) => s.enterprises));
  const plotWidth = width - 64 - 20;
  // Rough text width at 12px (CJK ~12px, digits and punctuation ~7px): labels that do not fit go beside the bar.
  const textWidth = (t: string) => [...t].reduce((w, c) => w + (/[\u4e00-\u9fff]/.test(c) ? 12 : 7), 8);
  const barPx = (s: PipelineStage) => (s.enterprises / max) * plotWidth;
  // The full label where it fits, else the count alone (the stage table beside has the conversion), else beside the bar.
  const shown = (s: PipelineStage) => (barPx(s) >= textWidth(label(s)) ? label(s) : `${fmtCount(s.enterprises)}家`);
  const inside = (s: PipelineStage) => barPx(s) >= textWidth(shown(s));
  return chartAria(Plot.plot({
    width,
    height: 24 + stages.length * 36,
    marginLeft: 64,
    marginRight: 20,
    style: { fontSize: "12px" },
    ariaLabel: "项目进度漏斗",
    ariaDescription: stages.map((s) => `${s.name}${label(s)}`).join(";"),
    x: { axis: null, domain: [-max / 2, max / 2] },
    y: { domain: stages.map((s) => s.name), label: null, tickSize: 0 },
    marks: [
      // Centred around 0 so the bars narrow like a funnel.
      Plot.barX(stages, { y: "name", x1: (s: PipelineStage) => -s.enterprises / 2, x2: (s: PipelineStage) => s.enterprises / 2, fill: "#3b6a9a", insetTop: 3, insetBottom: 3 }),
      Plot.text(stages.filter(inside), { y: "name", x: 0, text: shown, fill: "white", fontSize: 12 }),
      Plot.text(stages.filter((s) => !inside(s)), { y: "name", x: (s: PipelineStage) => s.enterprises / 2, text: shown, textAnchor: "start", dx: 4, fill: "currentColor", fontSize: 12 }),
    ],
  }));
}
