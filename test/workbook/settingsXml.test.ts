import { DOMParser } from "@xmldom/xmldom";
import fc from "fast-check";
import {
  findDoc,
  ownedRecords,
  readPart,
  settingsFromXml,
  settingsToXml,
  SETTINGS_NAMESPACE,
} from "../../src/workbook/settingsXml";

describe("settings parts", () => {
  test("round-trip any JSON, including text that looks like markup", () => {
    const value = { plan: 'A&B <tricky> ]]> "quoted"', months: [1, 2.5, null], nested: { ok: true } };
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

describe("settings parts are parsed as XML and validated", () => {
  const doc = {
    key: "kpi-plan",
    revision: 7,
    savedAt: "2026-11-20T09:00:00.000Z",
    value: { versions: [{ from: "2026-01", note: "A & B <c>" }] },
  };

  test("property: any equivalent rewrite (attribute order, quote style, namespace prefix, spacing, escapes) reads the same", () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(
        json,
        fc.constantFrom("", "cp:", "x:"),
        fc.constantFrom('"', "'"),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom("", "\n  ", " "),
        (value, prefix, q, perm, pad) => {
          const attrs = [
            `key=${q}k-1${q}`,
            `revision=${q}3${q}`,
            `savedAt=${q}2026-11-20T09:00:00Z${q}`,
            `schema=${q}1${q}`,
          ];
          // One of the 24 orders of the four attributes.
          const order: string[] = [];
          const pool = [...attrs];
          let n = perm;
          for (let i = pool.length; i > 0; i--) {
            order.push(pool.splice(n % i, 1)[0]);
            n = Math.floor(n / i);
          }
          const ns = prefix
            ? `xmlns:${prefix.slice(0, -1)}=${q}${SETTINGS_NAMESPACE}${q}`
            : `xmlns=${q}${SETTINGS_NAMESPACE}${q}`;
          const text = JSON.stringify(value).replace(/&/g, "&amp;").replace(/</g, "&lt;");
          const xml = `<?xml version="1.0"?>${pad}<${prefix}settings ${order.join(" ")} ${ns}>${pad}${text}${pad}</${prefix}settings>`;
          expect(settingsFromXml(xml)).toEqual({
            key: "k-1",
            revision: 3,
            savedAt: "2026-11-20T09:00:00Z",
            value: JSON.parse(JSON.stringify(value)),
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a written part reads back whatever its value; the writer's own output is one of the equivalent forms", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) =>
        expect(settingsFromXml(settingsToXml({ ...doc, value }))).toEqual({
          ...doc,
          value: JSON.parse(JSON.stringify(value)),
        }),
      ),
    );
  });

  test("corrupt parts are reported by name with the reason, never thrown at the caller", () => {
    const ns = SETTINGS_NAMESPACE;
    const cases: [string, RegExp][] = [
      [
        `<settings xmlns="${ns}" key="kpi-plan" revision="1" savedAt="2026-11-20T09:00:00Z">{"a":</settings>`,
        /"kpi-plan" \(custom XML part p1\) cannot be read: its content is not valid JSON/,
      ],
      [`<settings xmlns="${ns}" key="kpi-plan" revision="0" savedAt="2026-11-20T09:00:00Z">1</settings>`, /revision/],
      [
        `<settings xmlns="${ns}" key="kpi-plan" revision="1" savedAt="last tuesday">1</settings>`,
        /savedAt is not an ISO 8601 date/,
      ],
      [
        `<settings xmlns="${ns}" revision="1" savedAt="2026-11-20T09:00:00Z">1</settings>`,
        /custom XML part p1 cannot be read: key/,
      ],
      [
        `<settings xmlns="${ns}" key="kpi-plan" schema="3" revision="1" savedAt="2026-11-20T09:00:00Z">1</settings>`,
        /written by a newer Comp Planner \(settings version 3\)/,
      ],
      [`<settings xmlns="${ns}" key="kpi-plan"`, /not well-formed XML|unclosed/],
      [
        `<settings xmlns="${ns}" key="owned-sheets" revision="1" savedAt="2026-11-20T09:00:00Z">[{"name":1}]</settings>`,
        /its list of sheets is not valid/,
      ],
    ];
    for (const [xml, reason] of cases) {
      const r = readPart("p1", xml);
      expect(r?.doc).toBeNull();
      expect(r?.problem).toMatch(reason);
      expect(r?.problem).toMatch(/It is ignored and left as it is\.$/);
    }
  });

  test("another add-in's part, even one using our element and key names, is not ours", () => {
    expect(
      readPart(
        "p",
        `<settings xmlns="urn:other" key="owned-sheets" revision="1" savedAt="2026-11-20T09:00:00Z">[]</settings>`,
      ),
    ).toBeNull();
    expect(
      readPart(
        "p",
        `<other xmlns="${SETTINGS_NAMESPACE}" key="owned-sheets" revision="1" savedAt="2026-11-20T09:00:00Z">[]</other>`,
      ),
    ).toBeNull();
    expect(
      readPart("p", `<settings key="owned-sheets" revision="1" savedAt="2026-11-20T09:00:00Z">[]</settings>`),
    ).toBeNull();
  });

  test("among parts claiming one key, the highest readable revision wins; unreadable ones are never chosen", () => {
    const parts = [
      readPart("a", settingsToXml({ ...doc, revision: 2 }))!,
      readPart("b", settingsToXml({ ...doc, revision: 5 }))!,
      readPart(
        "c",
        `<settings xmlns="${SETTINGS_NAMESPACE}" key="kpi-plan" revision="9" savedAt="2026-11-20T09:00:00Z">{bad</settings>`,
      )!,
    ];
    expect(findDoc(parts, "kpi-plan")?.id).toBe("b");
    expect(ownedRecords(parts)).toEqual([]);
  });

  test("parts written before the schema attribute existed read as version 1", () => {
    const old = `<?xml version="1.0" encoding="UTF-8"?><settings xmlns="${SETTINGS_NAMESPACE}" key="owned-sheets" revision="1" savedAt="2026-01-01T00:00:00.000Z">[{"name":"Territories","id":"{SHEET-1}"}]</settings>`;
    expect(ownedRecords([readPart("p", old)!])).toEqual([{ name: "Territories", id: "{SHEET-1}" }]);
  });
});
