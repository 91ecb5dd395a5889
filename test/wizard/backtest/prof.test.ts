import { seededRandom } from "../../../src/core/random";
import { copyPlan } from "../../../src/wizard/backtest/backtestSettings";
import { runBacktestStep } from "../../../src/wizard/backtest/runBacktestStep";
import { book, curve, d, plan, rolePlan, settings } from "./fixtures";
test("prof", async () => {
  const aePlan = plan("Current", [rolePlan("AE"), rolePlan("SDR", { curveOn: "AMOUNT", targetIncentive: 1, curve: curve([[0, 0.05]]), splits: "ANY" })]);
  const rnd = seededRandom(1);
  const P = 30, D = 2000;
  const people = Array.from({ length: P }, (_, i) => [`a${i}`, "AE", "", "", 50000, ""]);
  const deals = Array.from({ length: D }, (_, i) => [`D${i}`, `a${i % P}`, "Won", d(rnd.int(1, 12), rnd.int(1, 28)), rnd.int(10, 400) * 100, "", "", "", ""]);
  const { host } = book(deals, people);
  const t0 = Date.now();
  const hostAny = host as any;
  const orig = hostAny.writeSheet.bind(host);
  hostAny.writeSheet = async (spec: any) => { const t = Date.now(); await orig(spec); console.log(spec.name, Date.now() - t); };
  await runBacktestStep(host, settings(aePlan, copyPlan(aePlan, "Proposed")), (f, l) => console.log(f, l, Date.now() - t0));
  console.log("total", Date.now() - t0);
}, 120000);
