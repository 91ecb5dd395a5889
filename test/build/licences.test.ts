import * as fs from "node:fs";
import * as path from "node:path";

/** HyperFormula (GPL-3.0) is for the preview and tests only: it must never reach the add-in bundle. */
describe("the add-in bundle in dist/", () => {
  const dist = path.resolve(__dirname, "../../dist");
  const files = fs.existsSync(dist)
    ? fs.readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => /\.(js|html)$/.test(f))
    : [];

  test("exists (npm test builds it first)", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files.length ? files : ["(none)"])("%s contains no HyperFormula code", (file) => {
    const text = fs.readFileSync(path.join(dist, file), "utf8");
    expect(text).not.toMatch(/hyperformula|HyperFormula|gpl-v3|chevrotain/);
  });
});
