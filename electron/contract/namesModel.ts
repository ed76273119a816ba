import { z } from 'zod';

/**
 * What a workspace model can keep of the analyst's decisions, from the fewest lessons to the most
 * (tagger/lessons.ts): only the rejections, the memory of decided names, the weights trained
 * further, or all of it.
 */
export const MODEL_LESSONS = ['rejections', 'memory', 'weights', 'all'] as const;

/** Which name model suggests names in this workspace, and what it has learnt from the analyst. */
export const NamesModelStatus = z.object({
  /** workspace: the shipped model trained further on this workspace's decisions; rules: no model file could be used. */
  using: z.enum(['workspace', 'shipped', 'rules']),
  /** In words, as suggestions record it: "workspace model v3 (42 decisions)", "shipped model". */
  label: z.string(),
  version: z.number().nullable(),
  /** Decisions the workspace model learnt from, in how many sentences, and when. */
  decisions: z.number(),
  sentences: z.number(),
  /** Which lessons the workspace model kept, chosen on the analyst's own decisions; null without a workspace model. */
  lessons: z.enum(MODEL_LESSONS).nullable(),
  trainedAt: z.string().nullable(),
  /** Decisions (and undos of them) made since, not learnt from yet. */
  pending: z.number(),
  /** A training is running in the background now. */
  learning: z.boolean(),
  /** Why the workspace cannot learn, or why its model is not used, in words; else null. */
  problem: z.string().nullable(),
});
export type NamesModelStatus = z.infer<typeof NamesModelStatus>;

/** How a suggestion's reason names the model that made it ("… · suggested by the shipped model"). */
export const MODEL_NOTE = ' · suggested by the ';

/** A suggestion's reason split into why and which model made it (null for older suggestions). */
export function splitReason(reason: string): { why: string; model: string | null } {
  const at = reason.lastIndexOf(MODEL_NOTE);
  return at < 0 ? { why: reason, model: null } : { why: reason.slice(0, at), model: reason.slice(at + MODEL_NOTE.length) };
}
