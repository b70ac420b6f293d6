/** Entry of the explorer page: Monaco's workers, GraphiQL's styles, then the app. */
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import "../shared/styles.css";
import "./explorer.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ExplorerApp } from "./ExplorerApp";

const root = document.getElementById("root");
if (!root) throw new Error("the page has no #root element");
createRoot(root).render(
  <StrictMode>
    <ExplorerApp />
  </StrictMode>,
);
