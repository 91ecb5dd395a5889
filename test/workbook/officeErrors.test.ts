import { ExcelHost } from "../../src/workbook/excelHost";
import { describeOfficeError, inWords, OfficeHostError } from "../../src/workbook/officeErrors";

/** An error shaped as OfficeExtension.Error is: a message and a string code. */
function officeError(code: string, message = "The requested resource doesn't exist."): Error {
  return Object.assign(new Error(message), { code });
}

describe("Office errors in words", () => {
  it.each([
    ["InvalidOperationInCellEditMode", /editing a cell.*Enter or Esc/],
    ["ItemNotFound", /no longer exists.*run again/],
    ["InvalidArgument", /refused a value/],
    ["RequestPayloadSizeLimitExceeded", /larger than Excel accepts/],
    ["AccessDenied", /protected.*Unprotect/],
  ])("%s says what to do", (code, words) => {
    expect(describeOfficeError(officeError(code))).toMatch(words);
  });

  it("keeps Excel's own message and code for a code users rarely meet", () => {
    expect(describeOfficeError(officeError("MergedRangeConflict", "Cannot merge."))).toBe(
      "Excel reported MergedRangeConflict: Cannot merge.",
    );
  });

  it("passes errors without a code through unchanged", async () => {
    const ours = new Error("Choose a sheet name.");
    await expect(inWords(() => Promise.reject(ours))).rejects.toBe(ours);
  });

  it("turns a rejected Excel batch into an OfficeHostError that keeps the cause", async () => {
    const cause = officeError("ItemNotFound");
    const failure = await inWords(() => Promise.reject(cause)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OfficeHostError);
    expect((failure as OfficeHostError).code).toBe("ItemNotFound");
    expect((failure as OfficeHostError).cause).toBe(cause);
  });

  it("returns the batch's result when it succeeds", async () => {
    await expect(inWords(() => Promise.resolve(42))).resolves.toBe(42);
  });
});

describe("ExcelHost says Excel's errors in words", () => {
  it("a read refused while the user edits a cell says to finish editing", async () => {
    const host = new ExcelHost(() =>
      Promise.reject(officeError("InvalidOperationInCellEditMode", "The operation cannot be done.")),
    );
    await expect(host.listTables()).rejects.toThrow(
      "Excel is editing a cell. Press Enter or Esc in the sheet to finish editing, then try again.",
    );
  });

  it("a protected workbook says what to unprotect", async () => {
    const host = new ExcelHost(() => Promise.reject(officeError("AccessDenied", "Access denied.")));
    await expect(host.select("Territories", "A1")).rejects.toThrow(/protected.*Unprotect it or open it for editing/);
  });
});
