// Digital levels as the assessment standard writes them; 0 is what the recomputation gives below 一级.
const names = ["未达一级", "一级", "二级", "三级", "四级"];

/** 2 → "二级"; 0 → "未达一级". */
export function levelName(level: number | null | undefined): string {
  return level == null ? "—" : names[level] ?? `${level}级`;
}
