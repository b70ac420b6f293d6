/**
 * The signed-in token and declared purpose of a page with a sign-in header (the auditor console,
 * the report), kept in step with the session storage: signing in picks the token's first purpose.
 */
import { useState } from "react";
import { initialPurpose } from "./PurposeSelect";
import { getToken, setPurpose as storePurpose } from "./session";

export interface PageSession {
  token: string | null;
  purpose: string;
  setPurpose: (purpose: string) => void;
  signedIn: (token: string) => void;
  signedOut: () => void;
}

export function usePageSession(): PageSession {
  const [token, setToken] = useState<string | null>(() => getToken());
  const [purpose, setPurpose] = useState(() => initialPurpose(getToken()));
  return {
    token,
    purpose,
    setPurpose,
    signedIn: (next) => {
      const chosen = initialPurpose(next);
      if (chosen) storePurpose(chosen);
      setToken(next);
      setPurpose(chosen);
    },
    signedOut: () => {
      setToken(null);
      setPurpose("");
    },
  };
}
