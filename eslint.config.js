// ESLint: typescript-eslint's recommended rules, plus the hub's layering and logging rules.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const globals = require("globals");

module.exports = tseslint.config(
  {
    ignores: ["**/dist/**", "**/node_modules/**", ".hub/**", "tests/output/**", "infra/bench/output/**", "coverage/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly" },
    },
    rules: {
      "no-console": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The gateway knows subgraphs only through contracts/.
    files: ["gateway/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "@hub/kit",
            "@hub/border-police",
            "@hub/migration-service",
            "@hub/statistics-office",
            "**/subgraphs/**",
          ],
        },
      ],
    },
  },
  {
    // Subgraphs never import the gateway nor each other.
    files: ["subgraphs/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            "@hub/gateway",
            "**/gateway/**",
            "@hub/border-police",
            "@hub/migration-service",
            "@hub/statistics-office",
          ],
        },
      ],
    },
  },
  {
    // The web app (explorer, audit console) runs in the browser.
    files: ["gateway/web/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["**/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
