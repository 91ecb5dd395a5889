/** Jest configuration: TypeScript through ts-jest; node by default, jsdom per file via a docblock. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  setupFiles: ["<rootDir>/test/setup/customFunctionsRuntime.ts", "<rootDir>/test/setup/jsdom.ts"],
  testTimeout: 60000,
};
