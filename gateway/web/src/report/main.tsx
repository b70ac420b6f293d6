/** Entry of the migration-profile report page (/report/). */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../shared/styles.css";
import "./report.css";
import { ReportApp } from "./ReportApp";

const root = document.getElementById("root");
if (!root) throw new Error("the page has no #root element");
createRoot(root).render(
  <StrictMode>
    <ReportApp />
  </StrictMode>,
);
