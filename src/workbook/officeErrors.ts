/**
 * Office.js errors in words. Excel rejects a batch with an `OfficeExtension.Error` whose `code` is
 * one of Excel's error codes; users meet a handful of them, and each gets a sentence that says what
 * happened and what to do. Anything else keeps Excel's own message, with its code, so nothing is
 * swallowed.
 */

/** What the user reads for each Excel error code they can meet, by code. */
const OFFICE_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode:
    "Excel is editing a cell. Press Enter or Esc in the sheet to finish editing, then try again.",
  ItemNotFound:
    "A sheet, table or name the add-in needs no longer exists (it may have been renamed or deleted). " +
    "Reload the data in the Data step and run again.",
  ItemAlreadyExists:
    "A sheet, table or name with that name already exists in the workbook. Choose another name and try again.",
  InvalidArgument: "Excel refused a value or address the add-in sent. Check the data for unusual cells and try again.",
  InvalidReference: "A range the add-in uses is not valid any more. Reload the data and run again.",
  RequestPayloadSizeLimitExceeded:
    "The request was larger than Excel accepts in one go. Run again; if it repeats, select a smaller range.",
  ResponsePayloadSizeLimitExceeded:
    "The data read from Excel was larger than Excel returns in one go. Select a smaller range or a table.",
  AccessDenied:
    "Excel denied the change: the workbook or the sheet is protected, shared read-only, or opened in view mode. " +
    "Unprotect it or open it for editing, then try again.",
  Conflict: "Someone else changed the workbook at the same time. Try again.",
  RequestAborted: "Excel cancelled the request. Try again.",
};

/** A failure inside Excel, described for the user; `code` is Excel's code and `cause` the original error. */
export class OfficeHostError extends Error {
  /** Excel's error code, e.g. "ItemNotFound"; "" when the error had none. */
  readonly code: string;
  /** The error Excel raised, for logs and support. */
  readonly cause: unknown;

  /**
   * @param message - The sentence the user reads.
   * @param code - Excel's error code.
   * @param cause - The error Excel raised.
   */
  constructor(message: string, code: string, cause: unknown) {
    super(message);
    this.name = "OfficeHostError";
    this.code = code;
    this.cause = cause;
  }
}

/** The error code of an Office.js error, or "" for anything else. */
function officeErrorCode(error: unknown): string {
  if (typeof error !== "object" || error === null) return "";
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : "";
}

/**
 * The sentence for an error Excel raised: the table's words for the codes users meet, otherwise
 * Excel's own message with its code so that a support request can name it.
 */
export function describeOfficeError(error: unknown): string {
  const code = officeErrorCode(error);
  const known = OFFICE_ERROR_MESSAGES[code];
  if (known) return known;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `Excel reported ${code}: ${message}` : message;
}

/**
 * Runs an Office.js batch and turns an Excel error into an {@link OfficeHostError} with a message in
 * words; errors of our own (already in words) pass through unchanged.
 */
export async function inWords<T>(batch: () => Promise<T>): Promise<T> {
  try {
    return await batch();
  } catch (error) {
    if (!officeErrorCode(error)) throw error;
    throw new OfficeHostError(describeOfficeError(error), officeErrorCode(error), error);
  }
}
