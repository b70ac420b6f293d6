/** Entry of the auditor console page (/audit/). */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../shared/styles.css";
import "./audit.css";
import { AuditConsole } from "./AuditConsole";

const root = document.getElementById("root");
if (!root) throw new Error("the page has no #root element");
createRoot(root).render(
  <StrictMode>
    <AuditConsole />
  </StrictMode>,
);
