import { DOMParser } from "@xmldom/xmldom";
import { settingsFromXml, settingsToXml, SETTINGS_NAMESPACE } from "../../src/workbook/settingsXml";

describe("settings parts", () => {
  test("round-trip any JSON, including text that looks like markup", () => {
    const value = { plan: "A&B <tricky> ]]> \"quoted\"", months: [1, 2.5, null], nested: { ok: true } };
    const doc = { key: "kpi-plan", revision: 3, savedAt: "2026-11-22T10:00:00.000Z", value };
    const xml = settingsToXml(doc);
    expect(settingsFromXml(xml)).toEqual(doc);
  });
  test("the part is well-formed XML in our namespace", () => {
    const xml = settingsToXml({ key: "k&<", revision: 1, savedAt: "t", value: ["<x>"] });
    const parsed = new DOMParser().parseFromString(xml, "text/xml");
    expect(parsed.documentElement?.namespaceURI).toBe(SETTINGS_NAMESPACE);
    expect(parsed.documentElement?.getAttribute("key")).toBe("k&<");
    expect(JSON.parse(parsed.documentElement?.textContent ?? "")).toEqual(["<x>"]);
  });
  test("other parts are not ours", () => {
    expect(settingsFromXml('<settings xmlns="urn:other" key="a" revision="1" savedAt="t">1</settings>')).toBeNull();
    expect(settingsFromXml("<root/>")).toBeNull();
  });
});
