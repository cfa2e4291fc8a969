// The public progress site (issue 6): a separate Framework source root (public/) built into
// dist-public/ from suppressed aggregates only. Offline like the internal site: no Google font,
// no CDN, fixed footer, no search index (it would copy page text into another file).
import { classification } from "./loaders/config/audience.ts";
import { dataBanner } from "./loaders/config/site.ts";
import { dataRoot } from "./loaders/config/paths.ts";
import { resetStaleLoaderCache } from "./loaders/config/loaderCache.ts";
import { pinFrameworkNpm } from "./loaders/config/pinFrameworkNpm.ts";
import { loadPlan } from "./loaders/plan/load.ts";

const root = dataRoot([], process.env);
const plan = loadPlan();
// Framework would otherwise reuse loader output built from another data root or plan.
resetStaleLoaderCache("public", root, plan);
// Framework's own client would otherwise ask registry.npmjs.org for versions: no network here.
pinFrameworkNpm("public");

export default {
  title: `${plan.city}中小企业数字化转型城市试点进展(公开)`,
  root: "public",
  // Tests build into a temporary folder; everyone else gets dist-public/.
  output: process.env.PILOT_PUBLIC_OUT ?? "dist-public",
  // The default theme links a Google font: government intranets cannot reach it.
  globalStylesheets: [],
  style: "style.css",
  // No favicon request (a 404 in the console); Chinese pages: lang for fonts and screen readers (postbuild also writes it into <html>).
  head: `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><script>document.documentElement.lang="zh-CN"</script>`,
  header: dataBanner(root, classification({ kind: "public" })),
  // The default footer prints the build date, which would make every build differ.
  footer: `${plan.city}中小企业数字化转型城市试点 · 公开进展 · 依据${plan.docNo} · 本站数字均为汇总统计,不含任何企业信息`,
  pages: [
    { name: "区域与行业", path: "/districts" },
    { name: "供给与示范", path: "/supply" },
    { name: "资金", path: "/funds" },
    { name: "统计说明", path: "/methodology" },
  ],
  sidebar: true,
  pager: false,
  search: false,
};
