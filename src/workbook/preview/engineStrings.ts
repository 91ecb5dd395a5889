/**
 * Excel writes a quote inside a string literal as two quotes (`"say ""hi"""`) and a backslash
 * as itself; the preview's engine cannot parse the first and reads the second as an escape.
 * This rewrites each literal holding either as a concatenation with CHAR(34) and CHAR(92),
 * `("say "&CHAR(34)&"hi"&CHAR(34)&"")`, which both engines read as the same text. Other text
 * is left alone.
 */
export function stringLiteralsForEngine(formula: string): string {
  return hasLiteralToRewrite(formula) ? rewriteLiterals(formula) : formula;
}

const QUOTE = 34;
const BACKSLASH = 92;

/**
 * Whether a literal holds a doubled quote or a backslash, or is left open (the rewrite closes
 * it): most formulas have neither, and are kept as they are without building a copy.
 */
function hasLiteralToRewrite(formula: string): boolean {
  let inLiteral = false;
  for (let j = 0; j < formula.length; j++) {
    const ch = formula.charCodeAt(j);
    if (!inLiteral) inLiteral = ch === QUOTE;
    else if (ch === BACKSLASH) return true;
    else if (ch === QUOTE) {
      if (formula.charCodeAt(j + 1) === QUOTE) return true;
      inLiteral = false;
    }
  }
  return inLiteral;
}

/** The rewrite itself, made whatever the formula holds ({@link stringLiteralsForEngine} skips it when it changes nothing). */
export function rewriteLiterals(formula: string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    if (formula[i] !== '"') {
      out += formula[i++];
      continue;
    }
    const parts: string[] = [];
    const glue: string[] = [];
    let part = "";
    let j = i + 1;
    for (; j < formula.length; j++) {
      const ch = formula[j];
      if (ch === "\\" || (ch === '"' && formula[j + 1] === '"')) {
        parts.push(part);
        glue.push(ch === "\\" ? "CHAR(92)" : "CHAR(34)");
        part = "";
        if (ch === '"') j++;
      } else if (ch === '"') break;
      else part += ch;
    }
    parts.push(part);
    out +=
      parts.length === 1
        ? `"${part}"`
        : `(${parts.map((p, k) => (k === 0 ? `"${p}"` : `&${glue[k - 1]}&"${p}"`)).join("")})`;
    i = j + 1;
  }
  return out;
}
