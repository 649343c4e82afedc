import { z } from 'zod';
import type { Route } from '../routes/route.ts';
import { ErrorBody } from './apiError.ts';

const ERROR_TEXT: Readonly<Record<number, string>> = {
  400: 'a query parameter is invalid (the message names it)',
  401: 'no bearer token, or an unknown one',
  403: 'the token does not cover the committee',
  404: 'unknown member, committee, policy or term',
  413: 'a request body was sent (every endpoint is a GET without one)',
  429: 'too many requests for this token (see Retry-After)',
  500: 'an internal failure (no details are given)',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return rest;
}

/**
 * The OpenAPI 3.1 document of the routes, generated from the zod schemas their handlers parse parameters
 * with and whose shape their responses have.
 */
export function openApiDocument(routes: readonly Route[], version: string): Record<string, unknown> {
  const schemas: Record<string, unknown> = { Error: jsonSchema(ErrorBody, 'output') };
  const paths: Record<string, unknown> = {};
  for (const route of routes) {
    schemas[route.responseName] = jsonSchema(route.response, 'output');
    const parameters = [
      ...Object.entries(route.params.shape).map(([name, schema]) => ({
        name,
        in: 'path',
        required: true,
        schema: jsonSchema(schema as z.ZodType, 'input'),
      })),
      ...Object.entries(route.query.shape).map(([name, schema]) => {
        const zod = schema as z.ZodType;
        const { description, ...json } = jsonSchema(zod, 'input');
        return {
          name,
          in: 'query',
          required: !zod.safeParse(undefined).success,
          ...(typeof description === 'string' ? { description } : {}),
          schema: json,
        };
      }),
    ];
    const errors = [...new Set([...route.errors, 401, 413, 429, 500])].sort();
    paths[route.path] = {
      get: {
        operationId: route.operationId,
        summary: route.summary,
        parameters,
        responses: {
          '200': {
            description: 'OK',
            headers: {
              ETag: { description: 'the projection checkpoint and the query', schema: { type: 'string' } },
            },
            content: {
              'application/json': { schema: { $ref: `#/components/schemas/${route.responseName}` } },
            },
          },
          '304': { description: 'not modified since the ETag sent in If-None-Match' },
          ...Object.fromEntries(
            errors.map((status) => [
              String(status),
              {
                description: ERROR_TEXT[status] ?? 'error',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
              },
            ]),
          ),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'lvzhi (履职) read-only API',
      version,
      description:
        'Members, archives, annual analyses, evaluations, policies, projection status and audit verification of a duty record. Every endpoint needs `Authorization: Bearer <token>`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
