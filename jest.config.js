/** Jest: unit tests beside the code, end-to-end tests in tests/ against the real running hub. */
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];
const shared = {
  testEnvironment: "node",
  transform: { "^.+\\.(t|j)sx?$": swc },
  // jose and dpop are ESM-only: let the transform turn them into CommonJS for Jest.
  transformIgnorePatterns: ["/node_modules/(?!(?:jose|dpop)/)"],
  modulePathIgnorePatterns: ["<rootDir>/.hub/", "<rootDir>/tests/output/"],
};

module.exports = {
  // End-to-end tests drive the real hub over HTTP; some send a thousand requests.
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: "unit",
      rootDir: __dirname,
      testMatch: ["<rootDir>/{subgraphs,gateway,contracts,infra,policies,telemetry}/**/src/**/*.test.ts"],
    },
    {
      ...shared,
      displayName: "e2e",
      rootDir: __dirname,
      // Browser tests drive the same running hub, so they share the one globalSetup.
      testMatch: ["<rootDir>/tests/{e2e,browser}/**/*.test.ts"],
      globalSetup: "<rootDir>/tests/harness/globalSetup.ts",
      globalTeardown: "<rootDir>/tests/harness/globalTeardown.ts",
    },
  ],
};
