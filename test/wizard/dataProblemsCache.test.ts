import * as problemsModule from "../../src/wizard/dataProblems";
import { dataProblems, initialWizardState, openProblems, wizardReducer } from "../../src/wizard/wizardState";

/**
 * The pane asks for the data problems on every render (the territory step's issues, the data
 * step's list): the rows are scanned once per change of rows, mapping or reps, not once per
 * render, so the progress of a 100,000-account split does not rescan them on the page's thread.
 */
const accounts = {
  source: "Accounts",
  headers: ["Account ID", "Potential", "Current Owner"],
  rows: [
    ["A1", 100, "Ann"],
    ["A2", "lots", "Bo"],
    ["A3", 300, "Ann"],
  ],
};

describe("the data problems of the loaded accounts", () => {
  test("are worked out once for the same rows and mapping; a change of either works them out anew", () => {
    const scan = jest.spyOn(problemsModule, "findDataProblems");
    let s = wizardReducer(initialWizardState, { type: "sourceChosen", source: { kind: "table", name: "Accounts" } });
    s = wizardReducer(s, { type: "dataLoaded", data: accounts });
    const first = dataProblems(s);
    expect(first.map((p) => p.message)).toEqual(['Row 2: potential is the text "lots", not a number.']);
    const scans = scan.mock.calls.length;
    // A run's progress changes the state, not the rows: no new scan.
    const running = wizardReducer(s, { type: "runStarted", step: "territories" });
    expect(dataProblems(running)).toEqual(first);
    expect(openProblems(running)).toEqual(first);
    expect(scan.mock.calls.length).toBe(scans);
    // Excluding the row filters the same problems.
    const excluded = wizardReducer(running, { type: "problemRowsExcluded" });
    expect(openProblems(excluded)).toEqual([]);
    expect(scan.mock.calls.length).toBe(scans);
    // New rows: scanned again, with their own problems.
    const reloaded = wizardReducer(excluded, {
      type: "dataLoaded",
      data: {
        ...accounts,
        rows: [
          ["A1", 100, "Ann"],
          ["A9", "n/a", "Bo"],
          ["A10", "?", "Bo"],
        ],
      },
      keepMapping: true,
    });
    expect(dataProblems(reloaded).map((p) => p.row)).toEqual([2, 3]);
    expect(scan.mock.calls.length).toBe(scans + 1);
    // A returned list is the caller's own: changing it changes nothing kept.
    dataProblems(reloaded).pop();
    expect(dataProblems(reloaded)).toHaveLength(2);
    scan.mockRestore();
  });
});
