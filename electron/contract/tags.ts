import { z } from 'zod';

export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colours are written like #3366cc');
export const TagName = z.string().trim().min(1, 'A tag needs a name').max(100);

export const Tag = z.object({
  id: z.number(),
  name: z.string(),
  color: z.string(),
  parentId: z.number().nullable(),
  /** Articles carrying the tag itself (not its children). */
  count: z.number(),
});
export type Tag = z.infer<typeof Tag>;
