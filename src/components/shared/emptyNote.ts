// A page section whose data is empty says so in words instead of drawing an empty chart.
import { html } from "htl";

/** `render()` when `rows` has data, else a sentence saying what is missing. */
export function orEmpty<T>(rows: readonly T[] | null | undefined, what: string, render: () => Node): Node {
  return rows && rows.length > 0 ? render() : html`<p class="empty-note">暂无${what}数据。</p>`;
}
