/** Jest configuration: TypeScript through ts-jest; node by default, jsdom per file via a docblock. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  // office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose main entry
  // pulls in ESM-only packages (strip-bom, uuid) that Jest's CommonJS runtime cannot load.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js" },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  setupFiles: ["<rootDir>/test/setup/customFunctionsRuntime.ts", "<rootDir>/test/setup/jsdom.ts"],
  testTimeout: 60000,
};
