// Vite: one multi-page build of the hub's browser pages (explorer/, audit/, report/) into dist/, served by the gateway.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { parse } from "yaml";

const root = path.dirname(fileURLToPath(import.meta.url));
// A page is built when its folder has an index.html (the audit console may land separately).
const pages = ["explorer", "audit", "report"].filter((page) => existsSync(path.join(root, page, "index.html")));

/** The contracts' YAML (the profile definitions) as plain data in the bundle: parsed here, no parser shipped. */
function yamlAsData(): Plugin {
  return {
    name: "hub-yaml-as-data",
    transform(code, id) {
      if (!id.endsWith(".yaml")) return null;
      return { code: `export default ${JSON.stringify(parse(code))};`, map: null };
    },
  };
}

export default defineConfig({
  root,
  base: "/",
  plugins: [react(), yamlAsData()],
  // Monaco's language workers are ES modules, loaded from our own origin (CSP worker-src 'self').
  worker: { format: "es" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // GraphiQL with Monaco is large by nature; it is served from the hub itself, not a CDN.
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // GraphiQL's React-compiler directives ("use no memo") are dropped when bundled, harmlessly.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
      input: Object.fromEntries(pages.map((page) => [page, path.join(root, page, "index.html")])),
    },
  },
  server: {
    // `npx vite` in gateway/web for UI work: the gateway at :4000 answers the API.
    proxy: { "/graphql": "http://127.0.0.1:4000", "/demo": "http://127.0.0.1:4000" },
  },
});
