/** The failures of obtaining an issuer's keys that the caller must tell apart from a bad token. */
import { describeValue } from "./describeValue";

/** No usable key set: the caller answers 503, since nothing is known of the token yet. */
export class KeysUnavailable extends Error {
  override readonly name = "KeysUnavailable";
}

/** The operator distrusted this key id: the token is refused (401) whatever the provider publishes. */
export class KeyDistrusted extends Error {
  override readonly name = "KeyDistrusted";
  constructor(readonly kid: string) {
    super(`The key id ${describeValue(kid)} is distrusted by the operator.`);
  }
}

/** A key source that could not be read or held something unusable; the message is one safe line. */
export class KeySourceError extends Error {
  override readonly name = "KeySourceError";
}
