/** The authenticate stage: a verified bearer token becomes the request's principal, or a refusal. */
import { GraphQLError } from "graphql";
import { ERROR_CODES, type ErrorCode } from "@hub/contracts";
import { type Authenticated, type Received, type Refused, refusal } from "../pipeline/stages";
import type { TokenVerifier } from "./verifyToken";

export async function authenticate(request: Received, verifyToken: TokenVerifier): Promise<Authenticated | Refused> {
  try {
    return { ...request, principal: await verifyToken(request.headers.authorization) };
  } catch (error) {
    const code = error instanceof GraphQLError ? String(error.extensions.code ?? "") : "";
    const known = (Object.hasOwn(ERROR_CODES, code) ? code : "UNAUTHENTICATED") as ErrorCode;
    const message = error instanceof GraphQLError ? error.message : "The token could not be verified.";
    return refusal("authenticate", request, known, ERROR_CODES[known].status, message);
  }
}
