// The roll-up site for a province or the ministry (issue 16): a separate Framework source root
// (rollup/) built by scripts/build-rollup.ts from city bundles ($PILOT_BUNDLES) into dist-rollup/.
// Offline like the other sites: no Google font, no CDN (Framework's client pinned), fixed footer,
// no search index.
import { pinFrameworkNpm } from "./loaders/config/pinFrameworkNpm.ts";
import { resetRollupLoaderCache, rollupBanner, rollupCityPaths, rollupEnv } from "./loaders/rollup/load.ts";

const env = rollupEnv();
// Framework would otherwise reuse loader output built from other bundles.
resetRollupLoaderCache("rollup", env);
// Framework's own client would otherwise ask registry.npmjs.org for versions: no network here.
pinFrameworkNpm("rollup");

export default {
  title: "中小企业数字化转型城市试点 · 汇总",
  root: "rollup",
  output: process.env.PILOT_ROLLUP_OUT ?? "dist-rollup",
  globalStylesheets: [],
  style: "style.css",
  head: `<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><script>document.documentElement.lang="zh-CN"</script>`,
  header: rollupBanner(env),
  footer: "中小企业数字化转型城市试点 · 城市数据包汇总 · 各城市数字为其数据包中的汇总统计,不含任何企业信息",
  pages: [
    { name: "排名与落后", path: "/ranks" },
    { name: "走势", path: "/trends" },
    { name: "试点统一要求", path: "/programme" },
    { name: "数据时效", path: "/freshness" },
    { name: "数据包质量", path: "/quality" },
  ],
  dynamicPaths: rollupCityPaths(env),
  sidebar: true,
  pager: false,
  search: false,
};
