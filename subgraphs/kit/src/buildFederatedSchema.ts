/**
 * Turns type-graphql resolver classes into an Apollo Federation 2 subgraph schema, and refuses
 * to build one in which any served field lacks a data category (R10-1).
 */
import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import {
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isObjectType,
  parse,
} from "graphql";
import { buildSchema, createResolversMap, type NonEmptyArray } from "type-graphql";
import { dataCategoryDirective, SUBGRAPH_SDL_HEADER } from "./dataCategory";
import { checkReferenceKeys, enforceKeys, type KeyContext } from "./enforceKeys";

type SubgraphModule = Extract<
  Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number],
  { resolvers?: unknown }
>;
type ResolverMap = NonNullable<SubgraphModule["resolvers"]>;

/**
 * Resolves an entity representation sent by the gateway (`_entities`). Its `info.path` is that of
 * the entity (`_entities`, index), so a refusal lands where the gateway maps it to the client's path.
 */
export type ReferenceResolver<TContext> = (
  reference: Record<string, unknown>,
  context: TContext,
  info: GraphQLResolveInfo,
) => unknown;

export interface FederatedSchemaOptions<TContext> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own signature
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own signature
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name. */
  referenceResolvers: Record<string, ReferenceResolver<TContext>>;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph's SDL as published to `contracts/subgraphs/`. */
  sdl: string;
}

export async function buildFederatedSchema<TContext extends KeyContext>(
  options: FederatedSchemaOptions<TContext>,
): Promise<FederatedSchema> {
  const typeGraphQLSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes ?? [],
    skipCheck: true,
    directives: [dataCategoryDirective],
    validate: false,
    // Keys are values (R5-3), checked before every resolver rather than by each of them.
    globalMiddlewares: [enforceKeys],
  });
  const sdl = `${SUBGRAPH_SDL_HEADER}\n${printSchemaWithDirectives(typeGraphQLSchema)}\n`;
  const typeDefs: DocumentNode = parse(sdl);
  const resolvers = createResolversMap(typeGraphQLSchema) as ResolverMap;
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers)) {
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    // Async, so that a refused representation fails alone rather than the whole `_entities` list.
    const checked: ReferenceResolver<TContext> = async (reference, context, info) => {
      checkReferenceKeys(typeName, reference, context);
      return resolveReference(reference, context, entityInfo(reference, info));
    };
    resolvers[typeName] = { ...existing, __resolveReference: checked } as ResolverMap[string];
  }
  const schema = buildSubgraphSchema([{ typeDefs, resolvers }]);
  rememberPositions(schema);
  assertEveryFieldClassified(schema);
  return { schema, sdl };
}

/** Each representation's index in its `_entities` call; the federation library passes only the list's info. */
const positions = new WeakMap<object, number>();

function rememberPositions(schema: GraphQLSchema): void {
  const entities = schema.getQueryType()?.getFields()._entities;
  const resolve = entities?.resolve;
  if (!entities || !resolve) return;
  const withPositions: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
    const representations: unknown = args.representations;
    if (Array.isArray(representations)) {
      for (const [i, r] of (representations as unknown[]).entries()) {
        if (typeof r === "object" && r !== null) positions.set(r, i);
      }
    }
    return resolve(source, args, context, info);
  };
  entities.resolve = withPositions;
}

/** The info of one entity: the `_entities` field's, with the representation's index on its path. */
function entityInfo(reference: object, info: GraphQLResolveInfo): GraphQLResolveInfo {
  const index = positions.get(reference);
  if (index === undefined) return info;
  return { ...info, path: { prev: info.path, key: index, typename: undefined } };
}

/** Fields the federation library adds itself; they are served only to the gateway. */
const FEDERATION_FIELDS = new Set(["_service", "_entities"]);

/** Throws naming every object field without `@dataCategory` (R10-1: fail the build). */
export function assertEveryFieldClassified(schema: GraphQLSchema): void {
  const unclassified: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__") || type.name === "_Service") continue;
    for (const field of Object.values(type.getFields())) {
      if (FEDERATION_FIELDS.has(field.name)) continue;
      const classified = field.astNode?.directives?.some((d) => d.name.value === "dataCategory");
      if (!classified) unclassified.push(`${type.name}.${field.name}`);
    }
  }
  if (unclassified.length > 0) {
    throw new Error(`Unclassified fields (R10-1), add @Category to each: ${unclassified.join(", ")}`);
  }
}
