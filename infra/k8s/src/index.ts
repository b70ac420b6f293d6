/** The validation of the hub's Kubernetes overlays (npm run k8s:validate), for the CLI and the tests. */
export { validateObjects, validateOverlay, REPO_ROOT, type OverlayResult } from "./validateOverlay";
export { renderOverlay, renderWithComponents, parseManifests, RenderError, OVERLAY_COMPONENTS } from "./renderOverlay";
export { formatProblem, type Manifest, type Problem } from "./manifest";
