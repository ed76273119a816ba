import { ZodError } from 'zod';
import { SupersededRead } from '../../db/articles.js';
import { EntityError } from '../../db/entities.js';
import { EventError } from '../../db/events.js';
import { WorkspaceFileError } from '../../db/open.js';
import { RelationError } from '../../db/relations.js';
import { TagError } from '../../db/tags.js';
import type { CallError } from '../contract/index.js';
import { plainIssues } from '../contract/plainErrors.js';
import { Refusal } from './extract/decode.js';

/** An error whose message is written for the analyst. */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function toCallError(error: unknown): CallError {
  if (error instanceof UserError) return { code: error.code, message: error.message };
  if (error instanceof ZodError) return { code: 'invalid_input', message: plainIssues(error.issues) };
  if (error instanceof TagError) return { code: 'tag', message: error.message };
  if (error instanceof WorkspaceFileError) return { code: 'workspace', message: error.message };
  if (error instanceof EntityError) return { code: 'entity', message: error.message };
  if (error instanceof EventError) return { code: 'event', message: error.message };
  if (error instanceof RelationError) return { code: 'relation', message: error.message };
  if (error instanceof Refusal) return { code: 'refused', message: error.message };
  // The window drops the blocks of a table it no longer shows (PagedGrid): not an error to show.
  if (error instanceof SupersededRead) return { code: 'superseded', message: error.message };
  // A write reaching a workspace opened read-only (the calls that write check first; this catches the rest).
  if (String((error as { code?: unknown }).code).startsWith('SQLITE_READONLY')) {
    return { code: 'read_only', message: 'This workspace is open read-only (see the banner): the change cannot be saved.' };
  }
  return { code: 'internal', message: `Something went wrong: ${error instanceof Error ? error.message : String(error)}` };
}
