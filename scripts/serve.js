/**
 * A small static file server for the built preview (dist-preview/): no dependencies, loopback
 * only by default. Used by `npm start` on Linux, `npm run preview` everywhere, and the browser tests.
 */
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".map": "application/json",
};

/**
 * The file a request path names inside `root`, or a status to answer instead: 400 for a path
 * that does not decode (a lone "%") or holds a NUL byte, 403 for one that leaves `root`
 * (compared by whole path segments, so "root-other" beside "root" is outside).
 */
function fileFor(root, pathname) {
  let rel;
  try {
    rel = decodeURIComponent(pathname === "/" ? "/preview.html" : pathname);
  } catch {
    return { status: 400 };
  }
  if (rel.includes("\0")) return { status: 400 };
  const file = path.resolve(root, `.${path.sep}${rel}`);
  const inside = path.relative(root, file);
  if (inside === "" || inside === ".." || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside))
    return { status: 403 };
  return { file, rel };
}

/**
 * Serves `root` on host:port. Resolves with the server once it listens; rejects with a clear
 * message when the port is taken.
 */
function serveStatic(root, port, host = "127.0.0.1") {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    } catch {
      res.writeHead(400).end();
      return;
    }
    const found = fileFor(base, pathname);
    if (found.status) {
      res
        .writeHead(found.status, { "Content-Type": "text/plain" })
        .end(found.status === 400 ? "Bad request path" : "Forbidden");
      return;
    }
    fs.readFile(found.file, (err, data) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end(`Not found: ${found.rel}`);
        return;
      }
      res
        .writeHead(200, {
          "Content-Type": TYPES[path.extname(found.file)] ?? "application/octet-stream",
          "Cache-Control": "no-store",
        })
        .end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", (e) =>
      reject(
        e.code === "EADDRINUSE"
          ? new Error(
              `Port ${port} is already in use. Stop the program using it, or choose another port: PORT=3001 npm start`,
            )
          : e,
      ),
    );
    server.listen(port, host, () => resolve(server));
  });
}

module.exports = { serveStatic };
