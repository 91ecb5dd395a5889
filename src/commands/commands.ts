/**
 * Ribbon and runtime commands of the shared runtime. Custom functions in a shared runtime only
 * calculate while the runtime is loaded, so once the user has opened Comp Planner in a workbook,
 * the add-in asks Excel to load it with that workbook from then on: COMP formulas then compute
 * as soon as the workbook opens, without the task pane being shown first.
 */

/** Asks Excel to start the add-in's runtime whenever this workbook opens (SharedRuntime 1.1). */
export async function loadWithWorkbook(office: typeof Office | undefined = globalThis.Office): Promise<boolean> {
  if (!office?.addin?.setStartupBehavior || !office.context?.requirements?.isSetSupported("SharedRuntime", "1.1"))
    return false;
  await office.addin.setStartupBehavior(office.StartupBehavior.load);
  return true;
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) void loadWithWorkbook().catch(() => undefined);
  });
}
