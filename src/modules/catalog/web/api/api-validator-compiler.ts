import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';

/**
 * Params and query strings are checked with their zod schemas as usual. A request body passes
 * through untouched: the use case parses it with the schema the staff forms share (publicationInputSchema,
 * organInputSchema, nodeInputSchema), so both channels refuse the same input with the same Chinese,
 * field-named message, and nothing is written before that check. The route's body schema documents it.
 */
export const apiValidatorCompiler: FastifySchemaCompiler<ZodType> = (route) =>
  route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(route);
