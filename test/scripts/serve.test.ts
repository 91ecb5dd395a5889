import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { AddressInfo } from "node:net";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveStatic } = require("../../scripts/serve.js") as {
  serveStatic: (root: string, port: number) => Promise<http.Server>;
};

/** GETs a raw path, exactly as written (no URL normalising on the client side). */
function get(port: number, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the preview's static server under hostile paths", () => {
  let dir: string;
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    // dist-preview/ beside a sibling whose name starts with the same letters.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "serve-"));
    fs.mkdirSync(path.join(dir, "dist-preview", "sub"), { recursive: true });
    fs.mkdirSync(path.join(dir, "dist-preview-secret"));
    fs.writeFileSync(path.join(dir, "dist-preview", "preview.html"), "<p>preview</p>");
    fs.writeFileSync(path.join(dir, "dist-preview", "sub", "a.js"), "ok");
    fs.writeFileSync(path.join(dir, "dist-preview-secret", "key.txt"), "SECRET");
    fs.writeFileSync(path.join(dir, "outside.txt"), "SECRET");
    server = await serveStatic(path.join(dir, "dist-preview"), 0);
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("serves its own files", async () => {
    expect(await get(port, "/")).toEqual({ status: 200, body: "<p>preview</p>" });
    expect(await get(port, "/sub/a.js")).toEqual({ status: 200, body: "ok" });
    expect(await get(port, "/sub%2fa.js")).toEqual({ status: 200, body: "ok" });
  });

  test.each(["/%", "/%00", "/%E0%A4%A", "/preview.html%00.js", "/sub/%"])(
    "a malformed path (%s) is 400 and the server keeps running",
    async (p) => {
      expect((await get(port, p)).status).toBe(400);
      expect((await get(port, "/")).status).toBe(200);
    },
  );

  test.each([
    "/..%2fdist-preview-secret%2fkey.txt",
    "/%2e%2e/dist-preview-secret/key.txt",
    "/../dist-preview-secret/key.txt",
    "/..%2foutside.txt",
    "/..%5c..%5coutside.txt",
    "/sub/..%2f..%2fdist-preview-secret/key.txt",
  ])("a path out of the folder (%s) is refused, sibling folders included", async (p) => {
    const res = await get(port, p);
    expect(res.body).not.toContain("SECRET");
    expect([403, 404]).toContain(res.status);
  });

  test("a folder or a missing file is 404", async () => {
    expect((await get(port, "/sub")).status).toBe(404);
    expect((await get(port, "/nope.js")).status).toBe(404);
  });
});
