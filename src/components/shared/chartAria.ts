// Plot labels every mark's <g> ("bar", "rule", "x-axis tick"…): a name on a role-less group is an ARIA
// violation (axe: aria-prohibited-attr) and says nothing useful. The chart's own ariaLabel/ariaDescription stay.

/** Remove Plot's generic aria-labels from the groups inside `chart`; returns `chart`. */
export function chartAria<T extends Element>(chart: T): T {
  for (const g of chart.querySelectorAll("g[aria-label]")) g.removeAttribute("aria-label");
  return chart;
}
