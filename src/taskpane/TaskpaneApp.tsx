import * as React from "react";
import { FluentProvider, Tab, TabList, webLightTheme } from "@fluentui/react-components";
import { WorkbookHost } from "../workbook/host";
import { inProcessJobs, JobRunner } from "../wizard/offThread/runner";
import { JobRunnerContext } from "./components/common/JobRunnerContext";
import { HostKind, Shell } from "./components/Shell/Shell";
import { Backtest } from "./components/Backtest/Backtest";
import { ExplainPanel } from "./components/Explain/ExplainPanel";
import { KpiBonus } from "./components/KpiBonus/KpiBonus";
import { SettingsProblems } from "./components/SettingsProblems/SettingsProblems";
import { UnitEconomics } from "./components/UnitEconomics/UnitEconomics";
import { Wizard } from "./components/Wizard/Wizard";

/** Props of {@link TaskpaneApp}. */
export interface TaskpaneAppProps {
  /** The workbook the pane works on (ExcelHost in Excel, PreviewHost in the preview), or null. */
  readonly host: WorkbookHost | null;
  /** Where it runs, for the status badge. */
  readonly hostKind: HostKind;
  /** Where splits and simulations run: a Web Worker runner in Excel and the preview; in-process by default (tests). */
  readonly jobs?: JobRunner;
}

/** The task pane's root: the same component in Excel and in the preview; only the host differs. */
export function TaskpaneApp({ host, hostKind, jobs = inProcessJobs }: TaskpaneAppProps): React.JSX.Element {
  const [tool, setTool] = React.useState<"plan" | "kpi" | "backtest" | "unitEconomics" | "explain">("plan");
  return (
    <FluentProvider theme={webLightTheme}>
      <JobRunnerContext.Provider value={jobs}>
        <Shell hostKind={hostKind}>
          {host && (
            <>
              <SettingsProblems host={host} />
              <TabList
                size="small"
                selectedValue={tool}
                onTabSelect={(_, d) => setTool(d.value as typeof tool)}
                aria-label="Tools"
              >
                <Tab value="plan">Planning wizard</Tab>
                <Tab value="kpi">KPI bonus</Tab>
                <Tab value="backtest">Back-test</Tab>
                <Tab value="unitEconomics">Unit economics</Tab>
                <Tab value="explain">Explain</Tab>
              </TabList>
              {/* All stay mounted so switching tools keeps what was typed. */}
              <div hidden={tool !== "plan"}>
                <Wizard host={host} />
              </div>
              <div hidden={tool !== "kpi"}>
                <KpiBonus host={host} />
              </div>
              <div hidden={tool !== "backtest"}>
                <Backtest host={host} />
              </div>
              <div hidden={tool !== "unitEconomics"}>
                <UnitEconomics host={host} />
              </div>
              <div hidden={tool !== "explain"}>
                <ExplainPanel host={host} />
              </div>
            </>
          )}
        </Shell>
      </JobRunnerContext.Provider>
    </FluentProvider>
  );
}
