/**
 * A small static file server for the built preview (dist-preview/): no dependencies, loopback
 * only by default. Used by `npm start` on Linux, `npm run preview` everywhere, and the browser tests.
 */
const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml", ".xml": "application/xml", ".map": "application/json" };

/**
 * Serves `root` on host:port. Resolves with the server once it listens; rejects with a clear
 * message when the port is taken.
 */
function serveStatic(root, port, host = "127.0.0.1") {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    const rel = decodeURIComponent(url.pathname === "/" ? "/preview.html" : url.pathname);
    const file = path.normalize(path.join(root, rel));
    if (!file.startsWith(path.normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end(`Not found: ${rel}`);
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" }).end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", (e) =>
      reject(e.code === "EADDRINUSE" ? new Error(`Port ${port} is already in use. Stop the program using it, or choose another port: PORT=3001 npm start`) : e),
    );
    server.listen(port, host, () => resolve(server));
  });
}

module.exports = { serveStatic };
