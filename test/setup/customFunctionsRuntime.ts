/**
 * A stand-in for the CustomFunctions global that Excel's runtime provides: the Error class and
 * ErrorCode values as documented (CustomFunctionsRuntime 1.3), and an associate() registry.
 */
class CustomFunctionsError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

const registry = new Map<string, (...args: unknown[]) => unknown>();

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode: {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
  },
  associate(id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) {
    if (typeof id === "string" && fn) registry.set(id.toUpperCase(), fn);
    else if (typeof id === "object") for (const [k, f] of Object.entries(id)) registry.set(k.toUpperCase(), f);
  },
  __registry: registry,
};
