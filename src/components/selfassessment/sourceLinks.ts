// "资金(/funds)·各方向拨付与上限" → a link to that page naming the table; other text stays text.
import { html } from "htl";

const ref = /([^;()]+)\((\/[a-z]*)\)·([^;]+)/g;

/** The sources of a self-assessment figure as links (relative, so the site works under any prefix). */
export function sourceLinks(text: string): HTMLElement {
  const parts: (string | HTMLElement)[] = [];
  let at = 0;
  for (const m of text.matchAll(ref)) {
    parts.push(text.slice(at, m.index));
    const [, page, path, table] = m;
    parts.push(html`<a href=${`.${path === "/" ? "/" : path}`}>${page!.trim()}·${table}</a>`);
    at = m.index! + m[0].length;
  }
  parts.push(text.slice(at));
  return html`<span class="source-links">${parts}</span>`;
}
