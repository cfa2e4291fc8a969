// One colour per attainment band (the internal site's status colours from src/style.css).
export const bandOrder = ["达标", "预警", "落后", "未达成", "无数据", "数据抑制", "未开始"];
export const bandColors = ["#1a7f37", "#a35200", "#c62828", "#c62828", "#8c8c8c", "#b0b0b0", "#d0d0d0"];

/** A share as a percentage with one decimal, "—" when there is none. */
export const pct = (x: number | null | undefined): string => (x == null ? "—" : `${(x * 100).toFixed(1)}%`);
