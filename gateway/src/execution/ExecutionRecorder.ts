/**
 * What Apollo hands back to the pipeline while it runs one operation: the framework reports
 * through hooks and data-source callbacks, so this is the one mutable value of a request. The
 * pipeline reads it once, when Apollo is done, into an immutable `Executed`.
 */
import type { DocumentNode, ExecutionResult, FormattedExecutionResult, GraphQLFormattedError } from "graphql";
import type { WithheldReport } from "@hub/contracts";
import type { ReceivedPart } from "./collectProvenance";
import type { Verdict } from "../decisions/decideSelections";
import type { PrunedOperation } from "../decisions/pruneSelections";
import type { Declared } from "../pipeline/stages";
import type { Selection } from "../selections/collectSelections";

export class ExecutionRecorder {
  document: DocumentNode | undefined;
  /** The name of the operation Apollo resolved in the document. */
  operationName: string | null = null;
  variables: Record<string, unknown> | undefined;
  selections: readonly Selection[] = [];
  verdict: Verdict | undefined;
  /** Partial mode: the operation without its denied selections, and the errors that replace them. */
  pruned: PrunedOperation | undefined;
  partialErrors: readonly GraphQLFormattedError[] = [];
  /** In an operation that also asks for data: its schema answers, from the caller's filtered schema. */
  introspection: { keys: readonly string[]; result: ExecutionResult } | undefined;
  /** The result Apollo sends, once it is done. */
  result: FormattedExecutionResult | undefined;
  /** A response shape the pipeline does not handle (for example incremental delivery). */
  unsupported: string | undefined;
  readonly disclosedPersonRefs = new Set<string>();
  readonly withheld: (WithheldReport & { subgraph: string })[] = [];
  /** Subgraph responses whose withheld-records report was unreadable: their data is not trusted. */
  readonly unreadableReports: string[] = [];
  /** Each subgraph fetch's signed answer, as it arrived (before Apollo merged it). */
  readonly signedParts: ReceivedPart[] = [];
}

/** The context Apollo carries for one operation: the declared request and its recorder. */
export interface ExecutionContext {
  readonly request: Declared;
  readonly recorder: ExecutionRecorder;
}
