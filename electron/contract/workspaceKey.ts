import { z } from 'zod';

/**
 * A workspace's passphrase, as typed. It crosses the boundary once per call that needs it and is
 * kept by neither side: the core hands it to SQLite's key derivation and forgets it.
 */
export const Passphrase = z.string().min(1, 'Enter the passphrase').max(1024, 'A passphrase has at most 1,024 characters');

/** A passphrase being chosen: long enough that guessing it through the key derivation is slow work. */
export const NewPassphrase = z.string().min(8, 'A passphrase has at least 8 characters').max(1024, 'A passphrase has at most 1,024 characters');

/** Minutes without use before an encrypted workspace is locked; 0 never locks. */
export const IdleLockMinutes = z.number().int().min(0).max(24 * 60);
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

/** Set (current null on a plain workspace), change, or remove (next null) the passphrase. */
export const PassphraseChange = z.object({ current: Passphrase.nullable().default(null), next: NewPassphrase.nullable() });

/** Error codes the renderer answers with the passphrase dialog. */
export const PASSPHRASE_NEEDED = 'passphrase_needed';
export const PASSPHRASE_WRONG = 'passphrase_wrong';
export const WORKSPACE_LOCKED = 'workspace_locked';
