// One district's enterprises by pilot industry, with the plan's focus industries for that district marked.
import * as Plot from "@observablehq/plot";
import { chartAria } from "../shared/chartAria.js";
import { fmtCount } from "../shared/format.js";
import type { MatrixCell } from "../../../loaders/kpi/reportTypes.ts";
import type { HeadlineTarget, PageData } from "../../../loaders/outputs/pages.ts";

type Industry = PageData<"districts">["industries"][number];

/**
 * Dark bar = the headline count (`headline[0]`, 改造达二级 in Guangzhou), light bar = the diagnosis
 * count (`headline[1]`, when the plan has one); "★" after the plan's focus industries.
 */
export function districtIndustryChart(cells: MatrixCell[], industries: Industry[], { width, headline }: { width: number; headline: readonly HeadlineTarget[] }): SVGSVGElement | HTMLElement {
  // Before layout settles, resize can report a sliver: never let the margins eat the whole plot.
  width = Math.max(width, 240);
  const [main, second] = headline;
  const rows = industries.map((i) => {
    const get = (key: string | undefined) => cells.find((c) => c.key === key && c.industry_key === i.key);
    const t = get(main?.key);
    return { name: i.short, transformed: t?.actual ?? 0, diagnosed: second ? get(second.key)?.actual ?? 0 : 0, focus: t?.is_focus ?? false };
  });
  const said = (d: (typeof rows)[number]) => `${main?.short ?? ""}${d.transformed}${main?.unit ?? ""}${second ? `,${second.short}${d.diagnosed}${second.unit}` : ""}`;
  const y = (d: (typeof rows)[number]) => (d.focus ? `${d.name} ★` : d.name);
  return chartAria(Plot.plot({
    width,
    height: rows.length * 34 + 10,
    marginLeft: 88,
    marginRight: 96,
    marginTop: 4,
    marginBottom: 4,
    ariaLabel: "本区各行业企业数条形图",
    ariaDescription: rows.map((d) => `${d.name}${d.focus ? "(重点行业)" : ""}${said(d)}`).join(";"),
    x: { axis: null, domain: [0, Math.max(1, ...rows.map((d) => Math.max(d.diagnosed, d.transformed)))] },
    y: { domain: rows.map(y), label: null, tickSize: 0 },
    marks: [
      ...(second ? [Plot.barX(rows, { y, x: "diagnosed", fill: "#c6dbef", insetTop: 4, insetBottom: 4 })] : []),
      Plot.barX(rows, { y, x: "transformed", fill: "#2c6fb0", insetTop: second ? 9 : 4, insetBottom: second ? 9 : 4 }),
      Plot.text(rows, { y, x: (d) => Math.max(d.diagnosed, d.transformed), text: (d) => (second ? `${fmtCount(d.transformed)} / ${fmtCount(d.diagnosed)}` : fmtCount(d.transformed)), textAnchor: "start", dx: 5, fontSize: 11, fill: "currentColor" }),
    ],
  }));
}
