/**
 * The analysts' explorer: sign-in, purpose and request options above GraphiQL, the persona's
 * examples beside it and the decision on the last operation on the right.
 */
import { GraphiQL } from "graphiql";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { demoSamplePersonRef } from "../shared/api";
import { HubNav } from "../shared/HubNav";
import { initialPurpose, PurposeSelect } from "../shared/PurposeSelect";
import { claimsOf, getToken } from "../shared/session";
import { SignIn } from "../shared/SignIn";
import { createHubFetcher, type Report } from "./createHubFetcher";
import { DenialsPanel, type PanelState } from "./DenialsPanel";
import { EditorBridge, type LoadOperation } from "./EditorBridge";
import { examplesFor, variablesText, type Example } from "./examples";
import { ExamplesList } from "./ExamplesList";
import { createMemoryStorage } from "./memoryStorage";

const WELCOME = `# Migration Data Exchange Hub: explorer
#
# Choose an example on the left, or write an operation here.
# Ctrl-Enter runs it. The Decision panel on the right explains
# anything the hub refused, and what to ask for instead.
# The Docs pane shows only what your token and purpose may read.
`;

const storage = createMemoryStorage();

export function ExplorerApp() {
  const id = useId();
  const [token, setToken] = useState<string | null>(() => getToken());
  const [purpose, setPurposeState] = useState(() => initialPurpose(getToken()));
  const [partial, setPartial] = useState(false);
  const [authorizationRef, setAuthorizationRef] = useState("");
  const [personRef, setPersonRef] = useState("");
  const [panel, setPanel] = useState<PanelState>({ kind: "idle" });
  const [schemaProblem, setSchemaProblem] = useState<string | null>(null);
  const loader = useRef<LoadOperation | null>(null);
  const runs = useRef(0);
  const claims = claimsOf(token);

  // The fetcher is made once; it reads the current settings at each request.
  const settings = useRef({ token, purpose, partial, authorizationRef });
  settings.current = { token, purpose, partial, authorizationRef };
  const fetcher = useMemo(
    () =>
      createHubFetcher(
        () => ({ ...settings.current, token: settings.current.token ?? undefined }),
        (event: Report) => {
          if (event.kind === "schema") setSchemaProblem(event.problem);
          else if (event.kind === "started") setPanel({ kind: "running" });
          else if (event.kind === "failed") setPanel({ kind: "failed", message: event.message });
          else {
            runs.current += 1;
            setPanel({ kind: "done", outcome: event.outcome, partial: settings.current.partial, run: runs.current });
          }
        },
      ),
    [],
  );

  useEffect(() => {
    let live = true;
    void demoSamplePersonRef().then((ref) => {
      if (live && ref) setPersonRef((current) => current || ref);
    });
    return () => {
      live = false;
    };
  }, []);

  // An example chosen before the editors exist (GraphiQL mounts them asynchronously) waits here.
  const pending = useRef<[string, string] | null>(null);
  const onReady = useCallback((load: LoadOperation | null) => {
    loader.current = load;
    if (load && pending.current) {
      load(...pending.current);
      pending.current = null;
    }
  }, []);

  const signedIn = (next: string) => {
    setSchemaProblem(null);
    setToken(next);
    setPurposeState(initialPurpose(next));
    setPanel({ kind: "idle" });
  };
  const signedOut = () => {
    setToken(null);
    setPurposeState("");
    setPanel({ kind: "idle" });
  };
  const loadExample = (example: Example) => {
    if (example.purpose && claims?.purposes.includes(example.purpose)) setPurposeState(example.purpose);
    const operation: [string, string] = [example.query, variablesText(example, personRef)];
    if (loader.current) loader.current(...operation);
    else pending.current = operation;
  };

  return (
    <>
      <a className="skip-link" href="#explorer-main">
        Skip to the editor
      </a>
      <header className="app-header">
        <h1>Hub explorer</h1>
        <HubNav current="explorer" />
        <SignIn onSignedIn={signedIn} onSignedOut={signedOut} />
        {claims ? (
          <div className="request-options" role="group" aria-label="Request options">
            <PurposeSelect token={token} value={purpose} onChange={setPurposeState} />
            <div className="field field--inline">
              <input
                id={`${id}-partial`}
                type="checkbox"
                data-testid="partial-mode"
                checked={partial}
                onChange={(e) => setPartial(e.target.checked)}
              />
              <label htmlFor={`${id}-partial`}>Partial mode (answer what is allowed, list what is withheld)</label>
            </div>
            {purpose === "CRIMINAL_INVESTIGATION" ? (
              <div className="field">
                <label htmlFor={`${id}-ref`}>Authorisation reference (order@valid-until)</label>
                <input
                  id={`${id}-ref`}
                  type="text"
                  data-testid="authorization-ref"
                  value={authorizationRef}
                  placeholder="ORD-2026-0042@2027-01-31"
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => setAuthorizationRef(e.target.value)}
                />
              </div>
            ) : null}
          </div>
        ) : null}
      </header>
      {claims ? (
        <main id="explorer-main" className="explorer">
          <ExamplesList
            examples={examplesFor(claims.role)}
            personRef={personRef}
            onPersonRefChange={setPersonRef}
            onLoad={loadExample}
          />
          <section className="explorer__ide" aria-label="GraphQL editor">
            {schemaProblem ? (
              <p role="alert" className="error" data-testid="schema-problem">
                {schemaProblem}
              </p>
            ) : null}
            {purpose ? (
              <GraphiQL
                // A new token or purpose means another filtered schema: mount afresh to introspect again.
                key={`${token ?? ""}|${purpose}`}
                fetcher={fetcher}
                storage={storage}
                defaultQuery={WELCOME}
                isHeadersEditorEnabled={false}
                defaultEditorToolsVisibility="variables"
                forcedTheme="light"
              >
                <EditorBridge onReady={onReady} />
              </GraphiQL>
            ) : (
              <p role="alert" className="error">
                Your token allows no purpose: the hub will refuse every request. Ask for a token with a purpose.
              </p>
            )}
          </section>
          <DenialsPanel state={panel} />
        </main>
      ) : (
        <main id="explorer-main" className="explorer explorer--signed-out">
          <p className="notice">
            Sign in to explore the hub&apos;s schema. You will see only the fields your agency, role and purpose may
            read.
          </p>
        </main>
      )}
    </>
  );
}
