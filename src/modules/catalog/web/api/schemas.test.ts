import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { publicationInput } from '../../../../../test/support/factories.ts';
import { organInputSchema } from '../../domain/organ.ts';
import { publicationInputSchema } from '../../domain/publication-input.ts';
import { nodeInputSchema } from '../../use-cases/manage-catalog-nodes.ts';
import { publicationBody } from './publication-schemas.ts';
import { nodeBody, organBody } from './schemas.ts';

// The OpenAPI body schemas only document what the use cases validate; they must not drift apart.
const pairs: [string, z.ZodObject, z.ZodObject][] = [
  ['organ', organBody, organInputSchema],
  ['catalog node', nodeBody, nodeInputSchema],
  ['publication', publicationBody, publicationInputSchema],
];

describe('documented request bodies', () => {
  for (const [name, documented, validated] of pairs) {
    it(`the ${name} body documents the same fields as the use case validates, required where it requires them`, () => {
      expect(Object.keys(documented.shape).sort()).toEqual(Object.keys(validated.shape).sort());
      for (const key of Object.keys(validated.shape)) {
        const requiredByUseCase = !validated.shape[key].safeParse(undefined).success;
        const requiredInDocs = !documented.shape[key].safeParse(undefined).success;
        expect({ key, required: requiredInDocs }).toEqual({ key, required: requiredByUseCase });
      }
    });
  }

  it('accepts in the documented shape a publication the use case accepts', () => {
    const input = publicationInput([3, 4], { keywords: ['保障性住房', '分配'], replacedById: null, disclosureMode: 'proactive' });
    expect(publicationInputSchema.safeParse(input).success).toBe(true);
    expect(publicationBody.safeParse(input).success).toBe(true);
  });
});
