import { z } from 'zod';
import { requiredText, ZId } from '../../shared/schema-helpers';
import { AREA_LEVELS } from '../../shared/vocabulary';

export const ZCreateAreaRequest = z.strictObject({
  name: requiredText('名称', 100),
  parentId: ZId.nullable().default(null),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export type CreateAreaRequest = z.infer<typeof ZCreateAreaRequest>;

export const ZUpdateAreaRequest = z.strictObject({
  name: requiredText('名称', 100).optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export type UpdateAreaRequest = z.infer<typeof ZUpdateAreaRequest>;

export const ZArea = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  level: z.enum(AREA_LEVELS),
  name: z.string(),
  sortOrder: z.number(),
});
export type Area = z.infer<typeof ZArea>;
export const ZAreaList = z.object({ areas: z.array(ZArea) });
