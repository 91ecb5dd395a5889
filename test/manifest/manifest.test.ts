import * as fs from "node:fs";
import * as path from "node:path";
import { DOMParser } from "@xmldom/xmldom";

/**
 * A local check of the XML add-in manifest (office-addin-manifest validate needs the internet and
 * does not catch broken resid references): element order, resources, shared-runtime wiring,
 * namespace, https, permissions. The built manifest in dist/ must have no localhost left.
 */
const root = path.resolve(__dirname, "../..");
type El = Element;

function parse(file: string): Document {
  return new DOMParser().parseFromString(fs.readFileSync(file, "utf8"), "text/xml") as unknown as Document;
}
const children = (e: El): El[] =>
  Array.from(e.childNodes as unknown as ArrayLike<Node>).filter((n): n is El => n.nodeType === 1);
const all = (doc: Document | El, local: string): El[] =>
  Array.from((doc as Document).getElementsByTagNameNS("*", local) as unknown as ArrayLike<El>);
const one = (doc: Document | El, local: string): El => {
  const found = all(doc, local);
  if (found.length !== 1) throw new Error(`expected one <${local}>, found ${found.length}`);
  return found[0];
};

/** OfficeApp children in the order the TaskPaneApp schema requires (those we use). */
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];
/** DesktopFormFactor children in schema order. */
const DESKTOP_ORDER = ["GetStarted", "FunctionFile", "ExtensionPoint"];
/** Elements whose resid names a URL; Description names a long string; the rest short strings. */
const URL_ELEMENTS = ["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"];
/** Resources children in schema order. */
const RESOURCES_ORDER = ["Images", "Urls", "ShortStrings", "LongStrings"];

function expectOrder(parent: El, order: readonly string[]): void {
  const names = children(parent).map((c) => c.localName);
  for (const n of names) expect(order).toContain(n);
  const positions = names.map((n) => order.indexOf(n));
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

describe("manifest.xml", () => {
  const doc = parse(path.join(root, "manifest.xml"));
  const app = doc.documentElement as unknown as El;
  const resources = one(doc, "Resources");
  const resourceIds = (kind: string) =>
    new Set(
      all(one(resources, kind), kind === "Images" ? "Image" : kind === "Urls" ? "Url" : "String").map((e) =>
        e.getAttribute("id"),
      ),
    );
  const url = (id: string) =>
    all(one(resources, "Urls"), "Url")
      .find((u) => u.getAttribute("id") === id)
      ?.getAttribute("DefaultValue");

  test("is a task pane add-in whose elements are in schema order", () => {
    expect(app.localName).toBe("OfficeApp");
    expect(app.getAttribute("xsi:type")).toBe("TaskPaneApp");
    expectOrder(app, OFFICE_APP_ORDER);
    expectOrder(one(doc, "DesktopFormFactor"), DESKTOP_ORDER);
    expectOrder(resources, RESOURCES_ORDER);
  });

  test("every resid resolves to a resource of the right kind", () => {
    const images = resourceIds("Images");
    const urls = resourceIds("Urls");
    const shorts = resourceIds("ShortStrings");
    const longs = resourceIds("LongStrings");
    const withResid = all(doc, "*").filter((e) => e.hasAttribute("resid"));
    expect(withResid.length).toBeGreaterThan(10);
    for (const e of withResid) {
      const id = e.getAttribute("resid")!;
      const kind =
        e.localName === "Image"
          ? images
          : URL_ELEMENTS.includes(e.localName)
            ? urls
            : e.localName === "Description"
              ? longs
              : shorts;
      if (!kind.has(id)) throw new Error(`<${e.localName} resid="${id}"> does not resolve`);
    }
  });

  test("shared runtime: SharedRuntime 1.1, one long-lived runtime, every page on the same resource", () => {
    const set = all(one(app, "Requirements"), "Set").find((s) => s.getAttribute("Name") === "SharedRuntime");
    expect(set?.getAttribute("MinVersion")).toBe("1.1");
    const runtime = one(doc, "Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const id = runtime.getAttribute("resid");
    expect(id).toBe("Taskpane.Url");
    expect(one(one(doc, "Page"), "SourceLocation").getAttribute("resid")).toBe(id);
    expect(one(doc, "FunctionFile").getAttribute("resid")).toBe(id);
    const showTaskpane = all(doc, "Action").filter((a) => a.getAttribute("xsi:type") === "ShowTaskpane");
    expect(showTaskpane.length).toBeGreaterThan(0);
    for (const a of showTaskpane) expect(one(a, "SourceLocation").getAttribute("resid")).toBe(id);
    expect(one(one(doc, "DefaultSettings"), "SourceLocation").getAttribute("DefaultValue")).toBe(url(id!));
  });

  test("custom functions in namespace COMP (at most 32 characters), script and metadata on https", () => {
    const nsId = one(doc, "Namespace").getAttribute("resid");
    const ns = all(one(resources, "ShortStrings"), "String")
      .find((s) => s.getAttribute("id") === nsId)
      ?.getAttribute("DefaultValue");
    expect(ns).toBe("COMP");
    expect(ns!.length).toBeLessThanOrEqual(32);
    expect(url(one(one(doc, "Script"), "SourceLocation").getAttribute("resid")!)).toMatch(/\/functions\.js$/);
    expect(url(one(one(doc, "Metadata"), "SourceLocation").getAttribute("resid")!)).toMatch(/\/functions\.json$/);
  });

  test("every URL is https; permissions are ReadWriteDocument and nothing more", () => {
    const values = all(doc, "*")
      .flatMap((e) => [e.getAttribute("DefaultValue") ?? "", e.localName === "AppDomain" ? (e.textContent ?? "") : ""])
      .filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(values.length).toBeGreaterThan(5);
    for (const v of values) expect(v).toMatch(/^https:\/\//);
    expect(one(app, "Permissions").textContent?.trim()).toBe("ReadWriteDocument");
  });
});

describe("dist/manifest.xml (built by npm test)", () => {
  const file = path.join(root, "dist", "manifest.xml");
  test("exists and has no localhost left", () => {
    if (!fs.existsSync(file)) throw new Error("dist/manifest.xml is missing: run npm run build first.");
    const text = fs.readFileSync(file, "utf8");
    expect(text).not.toMatch(/localhost/i);
    expect(text).toMatch(/https:\/\/[^"]+\/taskpane\.html/);
  });
});
