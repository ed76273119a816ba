/**
 * The workspace's learner: when the analyst has decided on names (accepted, rejected, retyped,
 * re-spanned or marked them by hand, or undone any of that), it trains the workspace's own name
 * model again (adapt.ts) in the background: soon after a batch of decisions, else after a quiet
 * minute; in slices of about a dozen milliseconds between the window's calls, never inside one.
 * It also says which model suggests names in a workspace (`suggestionModel`), and in which words a
 * suggestion records it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { AdaptedModelStore } from '../../../../db/adaptedModel.js';
import type { Db } from '../../../../db/open.js';
import { MODEL_NOTE, type CoreEvent, type NamesModelStatus } from '../../../contract/index.js';
import type { Gazetteer } from '../../gazetteer/gazetteer.js';
import type { Workspace } from '../../workspace.js';
import type { Suggestion } from '../extract.js';
import { applyDelta, decidedSentences, decodeDelta, encodeDelta, runToEnd, type DecidedSentence } from './adapt.js';
import { checkedAdaptation, LESSONS, type Lessons } from './lessons.js';
import { gazetteerLexicon, namesModel, namesModelFile } from './index.js';
import type { TaggerModel } from './model.js';
import { letWriterJobsEnd, writerJobRunning } from '../../writerJobs.js';

// Compressed on libuv's thread pool, not the core's thread.
const deflate = promisify(zlib.deflate);
const inflate = promisify(zlib.inflate);

export interface LearnerTiming {
  /** Train after this long without a new decision… */
  quietMs: number;
  /** …or this soon once `batch` decisions are waiting. */
  batch: number;
  batchQuietMs: number;
  /** The longest the learner holds the thread at a time. */
  sliceMs: number;
}

export const LEARNER_TIMING: LearnerTiming = { quietMs: 60_000, batch: 10, batchQuietMs: 2_000, sliceMs: 12 };

/**
 * Bounds on one training, so it stays a matter of seconds (a minute at most): the most recently decided articles first.
 * Beyond them the workspace model learns from the newest decisions only.
 */
export const MAX_ARTICLES = 2_000;
export const MAX_SENTENCES = 10_000;

/** The shipped model and the checksum of its file (which names the model a workspace model grew from). */
function shippedModel(): { model: TaggerModel; sha256: string } | null {
  const model = namesModel();
  if (!model) return null;
  const file = namesModelFile();
  if (shippedSha?.file !== file) {
    try {
      shippedSha = { file, sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex') };
    } catch {
      return null;
    }
  }
  return { model, sha256: shippedSha.sha256 };
}
let shippedSha: { file: string; sha256: string } | null = null;

export const SHIPPED_LABEL = 'shipped model';
const RULES_LABEL = 'rule-based extractor (no name model file could be used)';
const workspaceLabel = (version: number, decisions: number) => `workspace model v${version} (${decisions.toLocaleString('en')} decision${decisions === 1 ? '' : 's'})`;

interface Choice {
  /** For ExtractContext.namesModel: undefined is the shipped model. */
  model: TaggerModel | undefined;
  using: NamesModelStatus['using'];
  label: string;
  problem: string | null;
}

const chosen = new WeakMap<Db, { version: number; choice: Choice }>();

/**
 * The model that suggests names in this workspace: its own when it has one, else the shipped one.
 * Read from the file once per version (the learner has it ready in the background; only a
 * "Suggest again" before that reads it here).
 */
export function suggestionModel(db: Db): Choice {
  const store = new AdaptedModelStore(db);
  const version = store.version();
  const cached = chosen.get(db);
  if (cached && cached.version === version) return cached.choice;
  const choice = choose(store, (bytes, base) => runToEnd(applyDelta(base, decodeDelta(zlib.inflateSync(bytes), base.tags.length))));
  chosen.set(db, { version, choice });
  return choice;
}

/** suggestionModel, with the stored model read and put together in slices between other work. */
async function prepareSuggestionModel(db: Db, pause: () => Promise<boolean>): Promise<void> {
  const store = new AdaptedModelStore(db);
  const version = store.version();
  if (chosen.get(db)?.version === version) return;
  const record = store.get();
  const shipped = shippedModel();
  const bytes = record?.hasModel && shipped && record.baseSha256 === shipped.sha256 ? store.modelBytes() : null;
  if (!bytes || !shipped) return void suggestionModel(db);
  let model: TaggerModel;
  try {
    const delta = decodeDelta(await inflate(bytes), shipped.model.tags.length);
    model = await sliced(applyDelta(shipped.model, delta), pause);
  } catch (error) {
    if (error instanceof Stopped) return;
    // Said in words by suggestionModel, which meets the same problem.
    return void suggestionModel(db);
  }
  if (store.version() !== version) return;
  chosen.set(db, { version, choice: choose(store, () => model) });
}

function choose(store: AdaptedModelStore, read: (bytes: Uint8Array, base: TaggerModel) => TaggerModel): Choice {
  const shipped = shippedModel();
  const fallback: Choice = shipped ? { model: undefined, using: 'shipped', label: SHIPPED_LABEL, problem: null } : { model: undefined, using: 'rules', label: RULES_LABEL, problem: null };
  const record = store.get();
  if (!record?.hasModel || !shipped) return fallback;
  if (record.baseSha256 !== shipped.sha256) return { ...fallback, problem: 'The workspace model was trained from another shipped model; it is being trained again from this one.' };
  try {
    return { model: read(store.modelBytes()!, shipped.model), using: 'workspace', label: workspaceLabel(record.version, record.decisions), problem: null };
  } catch (error) {
    return { ...fallback, problem: `The workspace model cannot be read (${(error as Error).message}); the shipped model suggests names until it is trained again.` };
  }
}

/** Runs a sliced computation, pausing between slices; null when the pause says to give up. */
async function sliced<R>(steps: Generator<void, R>, pause: () => Promise<boolean>): Promise<R> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (!(await pause())) throw new Stopped();
  }
}

/** The learner stopped, or the workspace changed under a training: its work is dropped. */
class Stopped extends Error {}

/**
 * Each name suggestion says which model made it. Dates come from rules, and a name the analyst
 * confirmed before is found again because of that confirmation, whatever the model: those say so already.
 */
export function withModelLabel(suggestions: Suggestion[], label: string): Suggestion[] {
  for (const s of suggestions) if (s.type !== 'date' && !s.reason.startsWith(CONFIRMED)) s.reason = `${s.reason}${MODEL_NOTE}${label}`;
  return suggestions;
}
const CONFIRMED = 'confirmed before in this workspace';

export class WorkspaceLearner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private problem: string | null = null;

  constructor(
    private readonly workspace: () => Workspace,
    private readonly gazetteer: () => Gazetteer,
    private readonly emit: (event: CoreEvent) => void,
    private readonly timing: LearnerTiming = LEARNER_TIMING,
  ) {
    // Decisions made while the app was closed (on the command line) are found once the core is up.
    setImmediate(() => this.notice()).unref();
  }

  /** After any change: plans the next training when decisions are waiting (a cheap count). */
  notice(): void {
    if (this.stopped) return;
    try {
      const ws = this.workspace();
      if (ws.readOnly) return;
      const store = new AdaptedModelStore(ws.db);
      const record = store.get();
      const shipped = shippedModel();
      // A model grown from another shipped model (the app was updated) is trained again from this one.
      const stale = !!record?.hasModel && !!shipped && record.baseSha256 !== shipped.sha256;
      const pending = store.decisionsSince(record?.seenCommand ?? 0) + (stale ? 1 : 0);
      if (pending > 0) this.schedule(pending >= this.timing.batch ? this.timing.batchQuietMs : this.timing.quietMs);
      if (!this.running && chosen.get(ws.db)?.version !== store.version()) this.prepare();
    } catch (error) {
      // Learning is a background chore: it never fails the call whose change it noticed.
      this.problem = `The workspace model could not check for new decisions: ${(error as Error).message}`;
    }
  }

  status(): NamesModelStatus {
    const ws = this.workspace();
    const store = new AdaptedModelStore(ws.db);
    const record = store.get();
    // Said from the record when the model is not read yet: a status call never waits for the reading.
    const cached = chosen.get(ws.db);
    const choice = cached?.version === store.version() ? cached.choice : choose(store, (_bytes, base) => base);
    const own = choice.using === 'workspace' ? record : null;
    return {
      using: choice.using,
      label: choice.label,
      version: own?.version ?? null,
      decisions: own?.decisions ?? 0,
      sentences: own?.sentences ?? 0,
      lessons: (LESSONS as readonly string[]).includes(own?.lessons ?? '') ? (own!.lessons as Lessons) : null,
      trainedAt: own?.trainedAt ?? null,
      pending: store.decisionsSince(record?.seenCommand ?? 0),
      learning: this.running !== null,
      problem: ws.readOnly ? 'The workspace is open read-only: it does not learn from decisions here.' : (this.problem ?? choice.problem),
    };
  }

  /** Back to the shipped model; a training under way is dropped (its result no longer fits). */
  reset(): void {
    const ws = this.workspace();
    ws.assertWritable();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const store = new AdaptedModelStore(ws.db);
    store.reset(store.newestCommand());
    this.emit({ type: 'changed', what: ['namesModel'] });
  }

  /** Trains now (tests, and a caller that must have the newest model) and waits for it. */
  async trainNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.start();
  }

  /** Resolves when no training is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.start();
    }, ms);
    // A command-line run ends when its work does: a training left waiting happens in the app later.
    this.timer.unref();
  }

  private start(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.train()
      .catch((error: unknown) => {
        this.problem = `The workspace model could not be trained: ${(error as Error).message}`;
        console.error(this.problem);
      })
      .finally(() => {
        this.running = null;
        this.emit({ type: 'changed', what: ['namesModel'] });
        if (this.again && !this.stopped) {
          this.again = false;
          this.notice();
        }
      });
    this.emit({ type: 'changed', what: ['namesModel'] });
    return this.running;
  }

  /** A pause between slices: yields to the event loop once the slice is used up; false when the work is to be dropped. */
  private pauser(ws: Workspace): () => Promise<boolean> {
    let slice = performance.now();
    return async () => {
      if (performance.now() - slice < this.timing.sliceMs && !writerJobRunning()) return true;
      await yieldToEventLoop();
      // The model is stored after a pause: not while a writer's job holds the lock (writerJobs.ts).
      while (writerJobRunning()) await letWriterJobsEnd();
      slice = performance.now();
      return !this.stopped && this.workspace() === ws;
    };
  }

  private async train(): Promise<void> {
    const ws = this.workspace();
    if (ws.readOnly || this.stopped) return;
    const store = new AdaptedModelStore(ws.db);
    const shipped = shippedModel();
    if (!shipped) {
      this.problem = 'There is no shipped name model to learn from (its file is missing or damaged).';
      return;
    }
    const record = store.get();
    const startedAt = record?.version ?? 0;
    // Decisions up to here are in this training; any made while it runs start the next one.
    const seen = store.newestCommand();
    const pause = this.pauser(ws);
    try {
      const sentences: DecidedSentence[] = [];
      let decisions = 0;
      for (const articleId of store.articlesWithDecisions(record?.resetAt ?? null, MAX_ARTICLES)) {
        const article = store.articleForLearning(articleId);
        if (article) {
          const decided = decidedSentences(article.body, article.mentions);
          sentences.push(...decided.sentences);
          decisions += decided.decisions;
        }
        if (sentences.length >= MAX_SENTENCES) break;
        if (!(await pause())) return;
      }
      this.problem = null;
      if (!sentences.length) {
        // Nothing (left) to learn from: every decision was undone, or none made since a reset.
        if (record?.hasModel) store.save(startedAt, { model: null, baseSha256: shipped.sha256, decisions: 0, sentences: 0, lessons: null, seenCommand: seen });
        else store.markSeen(seen);
        return;
      }
      // Only the lessons that held on the analyst's own decisions are kept (lessons.ts).
      const { delta, lessons } = await sliced(checkedAdaptation(shipped.model, sentences, gazetteerLexicon(this.gazetteer())), pause);
      const model = await sliced(applyDelta(shipped.model, delta), pause);
      const bytes = await deflate(encodeDelta(delta));
      if (!(await pause())) return;
      if (store.save(startedAt, { model: bytes, baseSha256: shipped.sha256, decisions, sentences: sentences.length, lessons, seenCommand: seen })) {
        // The model just made is the one stored: "Suggest again" uses it without reading it back.
        chosen.set(ws.db, { version: startedAt + 1, choice: choose(store, () => model) });
      }
    } catch (error) {
      if (!(error instanceof Stopped)) throw error;
    }
  }

  /** Reads the stored model in the background (after a workspace opens), so "Suggest again" finds it ready. */
  private prepare(): void {
    const ws = this.workspace();
    void prepareSuggestionModel(ws.db, this.pauser(ws)).catch(() => {
      // A model that cannot be read is reported by suggestionModel when it is asked for.
    });
  }
}
