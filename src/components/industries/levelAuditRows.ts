// The level-audit list with Chinese column names: what the industries page's table shows and what
// its download saves (the date stays ISO; the table formats it).
import type { LevelAuditRow } from "../../../loaders/kpi/reportTypes.ts";
import { levelName, type LevelNames } from "../shared/format.js";

/** One row per assessment whose reported level differs from the level its score supports; levels in the plan's names. */
export function levelAuditRows(audit: readonly LevelAuditRow[], levelNames: LevelNames) {
  return audit.map((a) => ({
    企业: a.enterprise ?? a.uscc,
    上报等级: levelName(a.reported_level, levelNames),
    复核等级: levelName(a.computed_level, levelNames),
    得分: a.score,
    评测: a.kind,
    评测日期: a.assessed_on,
    复核依据: a.method,
    达标场景数: a.scenarios_at_reported ?? "—",
    其中约束性: a.constraint_at_reported ?? "—",
    评测编号: a.assessment_id,
  }));
}
