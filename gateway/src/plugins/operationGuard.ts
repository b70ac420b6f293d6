/**
 * The one place where an operation is decided before it is planned: collects every field it
 * touches with category and owning agency, and refuses fields that carry no category (R10-1).
 * Policy decisions per field plug in here.
 */
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { ERROR_CODES } from "@hub/contracts";
import { collectFields } from "../fields/collectFields";
import type { FieldCatalog } from "../fields/FieldCatalog";
import type { HubContext } from "../HubContext";

export function operationGuard(catalog: FieldCatalog): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<HubContext>> {
      return {
        async responseForOperation({ schema, document, operation, contextValue }) {
          contextValue.touched = collectFields(schema, catalog, document, operation);
          const unclassified = contextValue.touched.filter((field) => field.category === null);
          if (unclassified.length === 0) return null;
          const errors: GraphQLFormattedError[] = unclassified.map((field) => ({
            message: `${field.typeName}.${field.fieldName} carries no data category and is never served (R10-1).`,
            path: field.path.split("."),
            extensions: { code: "UNCLASSIFIED_FIELD", rule: "R10-1" },
          }));
          return {
            http: { status: ERROR_CODES.UNCLASSIFIED_FIELD.status, headers: new HeaderMap() },
            body: { kind: "single", singleResult: { errors } },
          };
        },
      };
    },
  };
}
