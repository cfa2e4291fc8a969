// Observable Framework configuration. Offline by design: no Google font, no CDN, fixed footer.
import { audienceFromEnv, classification, cityOnlyPages } from "./loaders/config/audience.ts";
import { dataBanner } from "./loaders/config/site.ts";
import { dataRoot } from "./loaders/config/paths.ts";
import { loadPlan } from "./loaders/plan/load.ts";
import { pinFrameworkNpm } from "./loaders/config/pinFrameworkNpm.ts";

const root = dataRoot([], process.env);
const plan = loadPlan();
// city (everything) or one district (loaders/config/audience.ts); the public site has its own config.
const audience = audienceFromEnv(plan);
if (audience.kind === "public") throw new Error("the public audience builds with observablehq.public.config.ts (npm run build -- --audience public)");
const district = audience.kind === "district" ? audience : null;
const allPages = [
  { name: "周报", path: "/weekly" },
  { name: "绩效自评估", path: "/selfassessment" },
  { name: "区域", path: "/districts" },
  { name: "行业", path: "/industries" },
  { name: "项目进度", path: "/pipeline" },
  { name: "资金", path: "/funds" },
  { name: "牵引单位", path: "/units" },
  { name: "报送与考核", path: "/unit-reviews" },
  { name: "供给与示范", path: "/supply" },
  { name: "一企一档", path: "/enterprise" },
  { name: "数据质量", path: "/quality" },
  { name: "统计口径", path: "/methodology" },
];
// Framework's own client would otherwise ask registry.npmjs.org for versions: no network here.
pinFrameworkNpm("src");

export default {
  title: district ? `${plan.city}中小企业数字化转型城市试点监测 · ${district.name}` : `${plan.city}中小企业数字化转型城市试点监测`,
  root: "src",
  // Tests build into a temporary folder; everyone else gets dist/.
  output: process.env.PILOT_OUT ?? "dist",
  // The default theme links a Google font: government intranets cannot reach it.
  globalStylesheets: [],
  style: "style.css",
  // Chinese pages: lang for fonts and screen readers (the build also writes it into <html>).
  head: `<link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1"><script>document.documentElement.lang="zh-CN"</script>`,
  header: dataBanner(root, classification(audience)),
  // The default footer prints the build date, which would make every build differ.
  footer: `${plan.city}中小企业数字化转型城市试点工作专班 · 依据${plan.docNo}`,
  // A district build lists its own page first and leaves out the city-only pages (scripts/build.ts
  // also deletes what Framework rendered of them).
  pages: district
    ? [{ name: `本区:${district.name}`, path: `/districts/${district.pinyin}` }, ...allPages.filter((p) => !(cityOnlyPages as readonly string[]).includes(p.path))]
    : allPages,
  // One page per district under /districts/<pinyin>; a district build renders its own only.
  dynamicPaths: plan.districts.filter((d) => !district || d.code === district.code).map((d) => `/districts/${d.pinyin}`),
  sidebar: true,
  pager: false,
  search: false,
};
