// ESLint flat config: typescript-eslint everywhere, the Office add-in rules on code that may touch
// Office.js, and an import boundary that keeps src/core free of Office, React, the DOM and upper layers.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

const upperLayers = ["**/functions/**", "**/workbook/**", "**/wizard/**", "**/taskpane/**", "**/preview/**"];

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "dist-preview/**",
      ".bench-build/**",
      "node_modules/**",
      "coverage/**",
      "test-artifacts/**",
      "sample-data/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      // ignoreRestSiblings: `const { a, ...rest } = x` is how an object minus some fields is written.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Only the host boundary and the entry points may reach Office.js; everything else goes through
    // WorkbookHost, so it runs unchanged in the preview and in tests.
    files: ["src/**/*.{ts,tsx}"],
    ignores: [
      "src/workbook/excelHost.ts",
      "src/taskpane/index.tsx",
      "src/commands/commands.ts",
      "src/functions/functions.ts",
    ],
    rules: { "no-restricted-globals": ["error", "Office", "Excel", "OfficeExtension"] },
  },
  {
    files: ["src/wizard/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-dom", "@fluentui/*", "**/taskpane/**", "**/preview/**"],
              message: "src/wizard is the tools as data: no React, no UI layer.",
            },
          ],
        },
      ],
    },
  },
  {
    // exceljs shares method names with Office.js (getCell, getTables): the Office.js load/sync
    // rules misread it. These modules never touch Office.js.
    files: ["src/preview/import/**/*.ts", "src/preview/export/**/*.ts", "test/preview/**/*.ts"],
    rules: { "office-addins/load-object-before-read": "off", "office-addins/call-sync-before-read": "off" },
  },
  {
    files: ["src/core/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: upperLayers,
              message: "src/core is the bottom layer: it must not import from the layers above it.",
            },
            {
              group: ["react", "react-dom", "@fluentui/*", "office-*", "@microsoft/office-js*", "hyperformula"],
              message: "src/core is pure TypeScript: no Office, React or spreadsheet engine.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        "Office",
        "Excel",
        "OfficeExtension",
        "CustomFunctions",
        "document",
        "window",
        "navigator",
        "localStorage",
      ],
    },
  },
  {
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/workbook/**", "**/wizard/**", "**/taskpane/**", "**/preview/**", "react", "hyperformula"],
              message: "Custom functions are thin adapters over src/core.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "OfficeExtension", "document", "window"],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
