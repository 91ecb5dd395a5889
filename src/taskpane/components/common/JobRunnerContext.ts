import * as React from "react";
import { inProcessJobs, JobRunner } from "../../../wizard/offThread/runner";

/**
 * Where the pane's heavy jobs run: the entry points (src/taskpane/index.tsx in Excel,
 * src/preview/index.tsx) give a Web Worker runner; without one (component tests) they run in-process.
 */
export const JobRunnerContext = React.createContext<JobRunner>(inProcessJobs);
