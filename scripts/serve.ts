/**
 * Serve a built site (dist/ or dist-public/) on localhost, mapping /page to page.html as
 * Framework's clean URLs expect. Used by `npm start` and the browser tests.
 */
import { createServer, type Server } from "node:http";
import { resolve } from "node:path";
import sirv from "sirv";

/** Start serving `dir` on `port` (0 = any free port); resolves with the server and its base URL. */
export function serve(dir: string, port = 0, host = "127.0.0.1"): Promise<{ server: Server; url: string }> {
  const handler = sirv(resolve(dir), { extensions: ["html"], dev: false, etag: true });
  const server = createServer((req, res) => handler(req, res, () => {
    res.statusCode = 404;
    res.end("not found");
  }));
  return new Promise((ok) => server.listen(port, host, () => {
    const a = server.address();
    ok({ server, url: `http://${host}:${typeof a === "object" && a ? a.port : port}` });
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? "dist";
  const port = Number(process.env.PORT ?? 3000);
  serve(dir, port).then(({ url }) => console.log(`serving ${dir}/ at ${url}/ (Ctrl-C to stop)`));
}
