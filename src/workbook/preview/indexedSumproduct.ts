import { CellError, EmptyValue, HyperFormula, SimpleRangeValue } from "hyperformula";
import { buildIndex, cachedOnRange, RangeVertexLike, valueKey } from "./indexedCriteria";

/**
 * SUMPRODUCT in the preview's engine with an index for its usual shape in the generated sheets:
 * `SUMPRODUCT(--(Accounts[Territory]=[@Territory]))`, `SUMPRODUCT((T[A]=x)*(T[B]="Yes"), T[C])`.
 *
 * Why: the engine evaluates `range=value` over every row of the range for every formula: a
 * summary of 500 territories over 100,000 accounts is 250 million element operations, minutes
 * to write and seconds for every edit. Excel's SUMPRODUCT is far faster per row.
 *
 * How, without changing any result: a call is taken only when each argument is a one-column
 * range, or a product (with `--`, `*` and numbers) of comparisons of a one-column range with a
 * single value; every range has the same height and holds no error. One equality's range is read
 * once into its distinct values (cached on the engine's range vertex, which it clears when a cell
 * of the range changes), and the engine's own `=` decides which distinct values match, giving
 * the candidate rows. Every other row has a 0 in that argument, so it adds 0 to the sum. The
 * candidate rows are then evaluated with the engine's own operators and coercions, multiplied
 * and summed in row order as the engine's SUMPRODUCT does, so the double is the same. Anything
 * else goes to the engine's own SUMPRODUCT.
 */

/** The engine internals used here (HyperFormula 3.x, not in its public typings). */
type Op = (a: unknown, b: unknown) => unknown;
interface InterpreterLike {
  readonly equalOp: Op;
  readonly notEqualOp: Op;
  readonly greaterThanOp: Op;
  readonly lessThanOp: Op;
  readonly greaterThanOrEqualOp: Op;
  readonly lessThanOrEqualOp: Op;
  readonly timesOp: Op;
  readonly plusOp: Op;
  readonly unaryMinusOp: (a: unknown) => unknown;
}
interface PluginSelf {
  readonly interpreter: InterpreterLike;
  readonly dependencyGraph: { getRange(start: unknown, end: unknown): RangeVertexLike | undefined };
  evaluateAst(ast: unknown, state: unknown): unknown;
  coerceScalarToNumberOrError(v: unknown): unknown;
}
interface Ast {
  readonly type: string;
  readonly left?: Ast;
  readonly right?: Ast;
  readonly value?: unknown;
  readonly expression?: Ast;
  readonly args?: readonly Ast[];
  readonly procedureName?: string;
}

const COMPARISONS: Record<string, keyof InterpreterLike> = {
  EQUALS_OP: "equalOp",
  NOT_EQUAL_OP: "notEqualOp",
  GREATER_THAN_OP: "greaterThanOp",
  LESS_THAN_OP: "lessThanOp",
  GREATER_THAN_OR_EQUAL_OP: "greaterThanOrEqualOp",
  LESS_THAN_OR_EQUAL_OP: "lessThanOrEqualOp",
};
const RANGE_NODES = new Set(["CELL_RANGE", "COLUMN_RANGE", "NAMED_EXPRESSION"]);

/** A one-column range read once: its values, their distinct groups, and each row's group. */
interface ColumnIndex {
  readonly values: readonly unknown[];
  readonly hasError: boolean;
  readonly groups: readonly unknown[];
  readonly members: readonly number[][];
  readonly groupOf: Int32Array;
  /** TRIM of each group, as the engine's TRIM gives it (filled on first use; null: not plain text). */
  trimmed?: readonly unknown[] | null;
  /**
   * The rows each value equals (see {@link rowsWhere}), keyed as the criteria index keys values, remembered while the column is
   * unchanged: 4,000 formulas over 500 people ask the same 500 questions, and the engine's `=`
   * on text tries to read both sides as dates each time.
   */
  readonly hits: Map<string, readonly number[] | undefined>;
}

/**
 * How one argument is computed for a row. Columns appear only inside comparisons (a comparison
 * of values that are not errors never fails); the rest is arithmetic on comparisons and numbers.
 */
type Plan =
  | { readonly kind: "column"; readonly column: ColumnIndex; readonly trim: boolean }
  | { readonly kind: "const"; readonly value: unknown }
  | { readonly kind: "minus"; readonly of: Plan }
  | { readonly kind: "binary"; readonly type: string; readonly op: Op; readonly left: Plan; readonly right: Plan };

const KEY = "comp-planner:sumproduct-column";

function unwrap(ast: Ast): Ast {
  let a = ast;
  while (a.type === "PARENTHESES" && a.expression) a = a.expression;
  return a;
}

/** The engine's range value of an argument node, if it is a one-column range of the common height. */
function rangeOf(self: PluginSelf, ast: Ast, state: unknown, height: { value: number }): SimpleRangeValue | undefined {
  if (!RANGE_NODES.has(ast.type)) return undefined;
  const v = self.evaluateAst(ast, state);
  if (!(v instanceof SimpleRangeValue) || v.width() !== 1) return undefined;
  if (height.value < 0) height.value = v.height();
  return v.height() === height.value ? v : undefined;
}

/** A one-column range argument, indexed, or undefined when it is not one (or holds an error). */
function columnOf(self: PluginSelf, ast: Ast, state: unknown, height: { value: number }): ColumnIndex | undefined {
  const v = rangeOf(self, ast, state, height);
  const r = v?.range as unknown as { start: unknown; end: unknown } | undefined;
  const vertex = r ? self.dependencyGraph.getRange(r.start, r.end) : undefined;
  if (!v || !vertex) return undefined;
  const column = cachedOnRange(vertex, KEY, () => buildColumn(v));
  return column.hasError ? undefined : column;
}

function buildColumn(range: SimpleRangeValue): ColumnIndex {
  const values = Array.from(range.valuesFromTopLeftCorner());
  const { groups, members, groupOf } = buildIndex(values);
  return {
    values,
    hasError: values.some((v) => v instanceof CellError),
    groups,
    members,
    groupOf,
    hits: new Map(),
  };
}

/** TRIM of every group with the engine's own TRIM; null when a group is not text or blank. */
function trimmedGroups(self: PluginSelf, column: ColumnIndex, state: unknown): readonly unknown[] | null {
  if (column.trimmed !== undefined) return column.trimmed;
  const out: unknown[] = [];
  for (const v of column.groups) {
    if (typeof v !== "string" && v !== EmptyValue) return (column.trimmed = null);
    const arg = typeof v === "string" ? { type: "STRING", value: v } : { type: "EMPTY" };
    out.push(self.evaluateAst({ type: "FUNCTION_CALL", procedureName: "TRIM", args: [arg] }, state));
  }
  return (column.trimmed = out);
}

/** A column, or TRIM of a column, as one side of a comparison. */
function columnSide(self: PluginSelf, ast: Ast, state: unknown, height: { value: number }): Plan | undefined {
  const a = unwrap(ast);
  const trim = a.type === "FUNCTION_CALL" && a.procedureName === "TRIM" && a.args?.length === 1;
  const column = columnOf(self, trim ? unwrap(a.args![0]) : a, state, height);
  if (!column || (trim && !trimmedGroups(self, column, state))) return undefined;
  return { kind: "column", column, trim };
}

/** A single value (this row's cell, a number, a text, TRIM of a cell...), or undefined when it is not one. */
function scalarOf(self: PluginSelf, ast: Ast, state: unknown): Plan | undefined {
  const v = self.evaluateAst(ast, state);
  return v instanceof SimpleRangeValue || v instanceof CellError ? undefined : { kind: "const", value: v };
}

/** Whether a node reads a range (then it is not a single value). */
function readsRange(ast: Ast): boolean {
  const a = unwrap(ast);
  if (RANGE_NODES.has(a.type) || a.type === "ROW_RANGE") return true;
  return [a.left, a.right, a.value as Ast | undefined, ...(a.args ?? [])].some(
    (c) => typeof c === "object" && c !== null && "type" in c && readsRange(c),
  );
}

/**
 * The plan of an argument made of `*`, `+`, `-`, numbers and comparisons of a column (or TRIM of
 * one) with a value, or of such terms with each other; undefined for anything else.
 */
function termPlan(self: PluginSelf, ast: Ast, state: unknown, height: { value: number }): Plan | undefined {
  const a = unwrap(ast);
  if (a.type === "NUMBER") return { kind: "const", value: a.value };
  if (a.type === "MINUS_UNARY_OP" && a.value) {
    const of = termPlan(self, a.value as Ast, state, height);
    return of && { kind: "minus", of };
  }
  if (!a.left || !a.right) return undefined;
  if (a.type === "TIMES_OP" || a.type === "PLUS_OP") {
    const left = termPlan(self, a.left, state, height);
    const right = left && termPlan(self, a.right, state, height);
    const op = a.type === "TIMES_OP" ? self.interpreter.timesOp : self.interpreter.plusOp;
    return left && right && { kind: "binary", type: a.type, op, left, right };
  }
  const opName = COMPARISONS[a.type];
  if (!opName) return undefined;
  const side = (x: Ast): Plan | undefined =>
    readsRange(x) ? (columnSide(self, x, state, height) ?? termPlan(self, x, state, height)) : scalarOf(self, x, state);
  const left = side(a.left);
  const right = left && side(a.right);
  return left && right && { kind: "binary", type: a.type, op: self.interpreter[opName] as Op, left, right };
}

/**
 * A comparison's answers per group of its column, for one call: a comparison of a column with a
 * single value gives the same answer on every row of a group (the same value, or the same TRIM
 * of it), so the engine is asked once per group rather than once per row.
 */
type GroupAnswers = Map<Plan, unknown[]>;

/** The column of a comparison of a column with a single value, or undefined. */
function comparedColumn(p: Extract<Plan, { kind: "binary" }>): Extract<Plan, { kind: "column" }> | undefined {
  if (!(p.type in COMPARISONS)) return undefined;
  if (p.left.kind === "column" && p.right.kind === "const") return p.left;
  if (p.right.kind === "column" && p.left.kind === "const") return p.right;
  return undefined;
}

/** A plan's value on one row, with the engine's own operators. */
function valueAt(self: PluginSelf, p: Plan, row: number, answers: GroupAnswers): unknown {
  switch (p.kind) {
    case "column":
      return p.trim ? p.column.trimmed![p.column.groupOf[row]] : p.column.values[row];
    case "const":
      return p.value;
    case "minus":
      return self.interpreter.unaryMinusOp(valueAt(self, p.of, row, answers));
    case "binary": {
      const column = comparedColumn(p);
      if (!column) return p.op(valueAt(self, p.left, row, answers), valueAt(self, p.right, row, answers));
      let byGroup = answers.get(p);
      if (!byGroup) answers.set(p, (byGroup = []));
      const g = column.column.groupOf[row];
      // A comparison gives a boolean or an error, never undefined: undefined is "not asked yet".
      if (byGroup[g] === undefined)
        byGroup[g] = p.op(valueAt(self, p.left, row, answers), valueAt(self, p.right, row, answers));
      return byGroup[g];
    }
  }
}

type Equality = {
  readonly column: Extract<Plan, { kind: "column" }>;
  readonly value: unknown;
  readonly op: Op;
  readonly columnLeft: boolean;
};

/** The equalities of a column with a value that are factors of a product: 0 on a row only by being false there. */
function equalities(p: Plan): Equality[] {
  if (p.kind === "minus") return equalities(p.of);
  if (p.kind !== "binary") return [];
  if (p.type === "TIMES_OP") return [...equalities(p.left), ...equalities(p.right)];
  if (p.type !== "EQUALS_OP") return [];
  if (p.left.kind === "column" && p.right.kind === "const")
    return [{ column: p.left, value: p.right.value, op: p.op, columnLeft: true }];
  if (p.right.kind === "column" && p.left.kind === "const")
    return [{ column: p.right, value: p.left.value, op: p.op, columnLeft: false }];
  return [];
}

/** True when the plan is arithmetic on comparisons: its values are numbers, never a bare cell. */
function arithmetic(p: Plan): boolean {
  return p.kind === "minus" || (p.kind === "binary" && (p.type === "TIMES_OP" || p.type === "PLUS_OP"));
}

/**
 * The rows where an equality holds, ascending; undefined when the engine's = gave an error.
 * Remembered per column and value: the engine's `=` gives the same answer for the same
 * group and value while the column (and so its index) is unchanged.
 */
function rowsWhere(e: Equality): readonly number[] | undefined {
  const key = `${e.column.trim ? "t" : "v"}${e.columnLeft ? "<" : ">"}${valueKey(e.value)}`;
  const hits = e.column.column.hits;
  if (!hits.has(key)) hits.set(key, rowsWhereNow(e));
  return hits.get(key);
}

function rowsWhereNow(e: Equality): number[] | undefined {
  const rows: number[] = [];
  const { column, trim } = e.column;
  for (let g = 0; g < column.groups.length; g++) {
    const v = trim ? column.trimmed![g] : column.groups[g];
    const hit = e.columnLeft ? e.op(v, e.value) : e.op(e.value, v);
    if (hit instanceof CellError) return undefined;
    if (hit === true) for (const r of column.members[g]) rows.push(r);
  }
  return rows.sort((a, b) => a - b);
}

/** The indexed SUMPRODUCT, or undefined to let the engine's own compute it. */
function indexedSumproduct(self: PluginSelf, ast: Ast, state: { arraysFlag?: boolean }): number | undefined {
  if (!state.arraysFlag || !ast.args || ast.args.length === 0) return undefined;
  const height = { value: -1 };
  const plans: Plan[] = [];
  for (const arg of ast.args) {
    const a = unwrap(arg);
    const column = RANGE_NODES.has(a.type) ? columnOf(self, a, state, height) : undefined;
    // A comparison alone gives booleans, which SUMPRODUCT treats its own way: the engine decides.
    const plan: Plan | undefined = column
      ? { kind: "column", column, trim: false }
      : a.type === "TIMES_OP" || a.type === "MINUS_UNARY_OP"
        ? termPlan(self, a, state, height)
        : undefined;
    if (!plan || (plan.kind !== "column" && !arithmetic(plan))) return undefined;
    plans.push(plan);
  }
  const key = plans.flatMap((p) => (p.kind === "column" ? [] : equalities(p)))[0];
  if (!key) return undefined;
  const rows = rowsWhere(key);
  if (!rows) return undefined;
  let ret = 0;
  const answers: GroupAnswers = new Map();
  for (const row of rows) {
    let acc = 1;
    for (const p of plans) {
      const v = valueAt(self, p, row, answers);
      if (v instanceof CellError) return undefined;
      const n = self.coerceScalarToNumberOrError(v);
      const raw = typeof n === "number" ? n : rawNumber(n);
      if (raw === undefined) acc = 0;
      else acc *= raw;
    }
    ret += acc;
  }
  return ret;
}

/** A rich number's value (dates, percents, currency carry their number in `val`), else undefined. */
function rawNumber(v: unknown): number | undefined {
  if (typeof v !== "object" || v === null || v instanceof CellError || !("val" in v)) return undefined;
  const val = (v as { val: unknown }).val;
  return typeof val === "number" ? val : undefined;
}

let registered = false;

/** Replaces the engine's SUMPRODUCT with the indexed one, once per page, before any engine is built. */
export function registerIndexedSumproduct(): void {
  if (registered) return;
  registered = true;
  const Base = HyperFormula.getFunctionPlugin("SUMPRODUCT") as unknown as (new (...args: never[]) => object) & {
    implementedFunctions: Record<string, { method: string }>;
  };
  const original = (Base.prototype as Record<string, unknown>).sumproduct as (ast: unknown, state: unknown) => unknown;

  class IndexedSumproductPlugin extends Base {
    static implementedFunctions = Base.implementedFunctions;

    sumproduct(ast: unknown, state: unknown): unknown {
      const fast = indexedSumproduct(this as unknown as PluginSelf, ast as Ast, state as { arraysFlag?: boolean });
      return fast === undefined ? original.call(this, ast, state) : fast;
    }
  }

  HyperFormula.unregisterFunctionPlugin(Base as never);
  HyperFormula.registerFunctionPlugin(IndexedSumproductPlugin as never);
}
