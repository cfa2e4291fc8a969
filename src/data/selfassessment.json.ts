// Data of the 绩效自评估 page: the self-assessment with its tables and sentences (loaders/selfassessment).
import { dataRoot } from "../../loaders/config/paths.ts";
import { loadPlan } from "../../loaders/plan/load.ts";
import { selfAssessmentPageData } from "../../loaders/outputs/selfassessment.ts";

process.stdout.write(JSON.stringify(await selfAssessmentPageData(dataRoot([], process.env), loadPlan())));
