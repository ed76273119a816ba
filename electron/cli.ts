import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MentionsRepository } from '../db/mentions.js';
import { PassphraseError } from '../db/open.js';
import {
  EXPORT_FORMATS,
  ExportFormat,
  eventFields,
  MENTION_TYPES,
  MentionType,
  OCR_LANGUAGES,
  OcrLanguage,
  REPORT_FORMAT_BY_EXTENSION,
  TABLE_NAMES,
  type CallInput,
  type CallName,
  type CallOutput,
  type Mention,
} from './contract/index.js';
import { isArchive, restoreArchive } from './services/exports/archive.js';
import { companionNames, detectExchange } from './services/exports/exchange.js';
import { Core } from './dispatch.js';
import { groupStoredCopies } from './services/duplicates/groupStories.js';
import { appVersion, checkpointWorkerFile, gazetteerFile, parseWorkerFile, sampleDir, userDataDir } from './paths.js';

const USAGE = `awb — Analyst Workbench on the command line

  awb import --workspace FILE PATH...     import files or folders; prints a per-file report
         [--ocr-languages eng+fas]        the languages scans are read in (eng, fas: Persian
                                          and Dari, pus: Pashto, ara: Arabic, fra: French)
  awb search --workspace FILE QUERY       full-text search (FTS5 syntax); JSON lines
         [--limit N]
  awb stats  --workspace FILE             counts, as JSON
  awb audit  --workspace FILE [--verify]  the audit trail as JSON lines (who, when, what),
         [--limit N]                      newest first; --verify checks its hash chain and
                                          exits 1 when a record was changed or removed
  awb purge  --workspace FILE             remove what deleted records left behind: their
                                          text in the change log and search index, free pages
  awb group-copies --workspace FILE      group the articles stored before copies of a story
                                          were recognised (each import groups only a few);
                                          progress on stderr, a summary as JSON; Ctrl-C stops
                                          between two steps and keeps what was grouped (exit
                                          code 130)
  awb extract --workspace FILE [--article ID]
                                          (re-)run entity suggestions; decisions are kept
  awb entities --workspace FILE           entities as JSON lines (type, name, aliases,
                                          mentions, lat/lon where placed)
  awb events --workspace FILE             coded events as JSON lines, with evidence quotes
  awb mentions --workspace FILE [--article ID] [--status suggested,accepted] [--type T]
                                          marked spans as JSON lines: article, file, start,
                                          end, quote, type, status, confidence, entity,
                                          lat, lon, geonamesId (default: every status)
  awb accept --workspace FILE --min-confidence X [--type T]
                                          accept every suggestion at or above X (0..1), of
                                          type T if given, as the analyst's decisions
  awb export --workspace FILE --format F --out PATH [--table T] [--handling LINE]
         [--acled-codes text|numeric]     acled: actor types and dates as ACLED's current data
                                          (text, 16 May 2025; the default) or its older files
                                          (codes 1-8, 2025-05-16)
                                          F: csv, xlsx (with --table articles|entities|
                                          events|relations), geojson, kml, acled, w3c,
                                          brat (a folder), conll, ftm, stix, gexf, archive
         [--include-suggestions]          w3c, brat, conll, ftm, geojson: suggested mentions
                                          too (marked as such in w3c, ftm and geojson)
         [--include-rejected]             w3c, ftm: the analyst's rejections too, marked
                                          "rejected"
  awb report --workspace FILE --out report.pdf|.docx|.md|.html
         [--title T] [--summary TEXT] [--handling LINE]
         [--every-copy]                   count every copy of a story (wire copies, updates)
                                          in sources, mentions and quotes; by default a story
                                          counts once

  awb passphrase --workspace FILE --new-passphrase-file F | --remove
                                          encrypt the workspace, change its passphrase, or
                                          remove it (the file is written again; safe to stop)

  An encrypted workspace needs its passphrase: in the environment variable AWB_PASSPHRASE
  or in a file (--passphrase-file F, its first line), never as an argument, which other
  users can see. A new --workspace made with a passphrase is encrypted. The new passphrase
  of awb passphrase comes from AWB_NEW_PASSPHRASE or --new-passphrase-file.

  awb import also reads W3C annotations (onto matching articles), ACLED CSV, GeoJSON
  points (as custom places), STIX 2.1 bundles, FollowTheMoney JSON lines and workspace
  archives (into a new --workspace file; an encrypted one with its passphrase, as above),
  telling them from articles by their content.

Exit code 0 on success; 1 when an import had failures; 2 on wrong usage.`;

class Usage extends Error {}
/** Wrong input to a command that is otherwise used right: said in one line, without the whole usage text. */
class BadInput extends Usage {}

/** Commands that read or change an existing workspace and must not make an empty one by mistake. */
const NEEDS_EXISTING_WORKSPACE = new Set(['mentions', 'accept', 'group-copies']);
const MENTION_STATUSES = ['suggested', 'accepted', 'rejected'] as const;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  // An unknown option or a missing value is wrong usage: said in one line (exit 2), not as a crash.
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          workspace: { type: 'string', short: 'w' },
          limit: { type: 'string', default: '50' },
          article: { type: 'string', multiple: true },
          format: { type: 'string' },
          out: { type: 'string', short: 'o' },
          table: { type: 'string' },
          handling: { type: 'string', default: '' },
          'acled-codes': { type: 'string', default: 'text' },
          title: { type: 'string' },
          summary: { type: 'string', default: '' },
          force: { type: 'boolean', default: false },
          verify: { type: 'boolean', default: false },
          status: { type: 'string' },
          type: { type: 'string' },
          'min-confidence': { type: 'string' },
          'include-suggestions': { type: 'boolean', default: false },
          'include-rejected': { type: 'boolean', default: false },
          'every-copy': { type: 'boolean', default: false },
          'passphrase-file': { type: 'string' },
          'new-passphrase-file': { type: 'string' },
          remove: { type: 'boolean', default: false },
          'ocr-languages': { type: 'string', default: 'eng' },
        },
      });
    } catch (error) {
      throw new BadInput((error as Error).message);
    }
  })();
  const type = values.type === undefined ? null : MentionType.safeParse(values.type);
  if (type && !type.success) throw new BadInput(`--type must be one of ${MENTION_TYPES.join(', ')}, not "${values.type}"`);
  if (NEEDS_EXISTING_WORKSPACE.has(command)) {
    if (!values.workspace) throw new BadInput(`awb ${command} needs --workspace FILE`);
    if (!fs.statSync(values.workspace, { throwIfNoEntry: false })?.isFile()) throw new BadInput(`no workspace at ${values.workspace}`);
  }
  if (!values.workspace) throw new Usage('--workspace FILE is required');
  const passphrase = readPassphrase('AWB_PASSPHRASE', values['passphrase-file'], '--passphrase-file');
  // An archive is a whole workspace: it is restored into a new file rather than imported into one.
  const archives = command === 'import' ? positionals.filter(isArchiveFile) : [];
  if (archives.length) {
    if (archives.length > 1 || positionals.length > 1) throw new Usage('awb import takes one archive at a time, and nothing else with it');
    if (fs.existsSync(values.workspace)) throw new Usage(`an archive is restored into a new workspace: ${values.workspace} already exists`);
    let manifest;
    try {
      manifest = restoreArchive(path.resolve(archives[0]!), path.resolve(values.workspace), passphrase);
    } catch (error) {
      if (!(error instanceof PassphraseError)) throw error;
      throw new BadInput(error.reason === 'needed' ? `${error.message} Give it in AWB_PASSPHRASE or with --passphrase-file FILE.` : error.message);
    }
    const encrypted = manifest.encrypted ? ' (encrypted with the same passphrase)' : '';
    console.log(`restored  ${path.basename(archives[0]!)} → ${values.workspace}${encrypted}: ${Object.entries(manifest.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
    return 0;
  }
  const core = new Core({
    passphrase,
    dataDir: userDataDir(),
    gazetteerFile: gazetteerFile(),
    workspace: values.workspace,
    sampleDir: sampleDir(),
    mode: 'browser',
    version: appVersion(),
    suggestOnImport: false,
    // Only an import parses files: other commands do not start the parsing workers.
    parseWorker: command === 'import' ? parseWorkerFile() : null,
    // The long writers checkpoint the log on a thread of their own, not inside their commits.
    checkpointWorker: command === 'import' || command === 'group-copies' ? checkpointWorkerFile() : null,
    // Short runs beside the app or each other: SQLite serialises their writes, no instance lock.
    lockWorkspace: false,
  });
  const call = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as CallOutput<N>;
  };
  try {
    if (core.session.locked) throw new BadInput(`${values.workspace} is encrypted: give its passphrase in AWB_PASSPHRASE or with --passphrase-file FILE`);
    switch (command) {
      case 'passphrase': {
        const next = values.remove ? null : readPassphrase('AWB_NEW_PASSPHRASE', values['new-passphrase-file'], '--new-passphrase-file');
        if (!values.remove && next === null) throw new BadInput('awb passphrase needs the new passphrase (AWB_NEW_PASSPHRASE or --new-passphrase-file FILE), or --remove');
        const info = await call('workspace.setPassphrase', { current: passphrase, next });
        console.log(info.encrypted ? `encrypted ${info.path}` : `decrypted ${info.path}: it is a plain file now`);
        return 0;
      }
      case 'import': {
        if (positionals.length === 0) throw new Usage('awb import needs at least one file or folder');
        const ocrLanguages = z.array(OcrLanguage).safeParse(values['ocr-languages'].split(/[+,]/).map((l) => l.trim()));
        if (!ocrLanguages.success) throw new BadInput(`--ocr-languages takes ${Object.keys(OCR_LANGUAGES).join(', ')} joined by + (eng+fas), not "${values['ocr-languages']}"`);
        let failedExchange = 0;
        const articles: string[] = [];
        const companionsOf = (p: string) =>
          companionNames(path.resolve(p)).filter((c) => fs.existsSync(c)).map((c) => ({ name: path.basename(c), text: fs.readFileSync(c, 'utf8') }));
        for (const p of positionals) {
          // A brat .txt goes in with its .ann, verbatim, not as a page to clean.
          if (positionals.some((q) => companionNames(path.resolve(q)).includes(path.resolve(p)))) continue;
          const text = exchangeText(p);
          if (text === null) {
            articles.push(p);
            continue;
          }
          try {
            const r = await call('imports.exchange', { name: path.basename(p), text, companions: companionsOf(p) });
            console.log(`${r.kind.padEnd(9)} ${path.basename(p)}  ${r.created} created, ${r.matched} already present, ${r.skipped} skipped`);
            for (const m of r.messages) console.log(`          ${m}`);
          } catch (error) {
            failedExchange++;
            console.log(`failed    ${path.basename(p)}  ${(error as Error).message}`);
          }
        }
        if (articles.length === 0) return failedExchange ? 1 : 0;
        // A read-only workspace is refused once, plainly, not file by file.
        core.session.current.assertWritable();
        const report = await core.imports.importNow({ kind: 'paths', paths: articles }, { ocrLanguages: ocrLanguages.data });
        for (const o of report.outcomes) {
          const detail = o.status === 'imported' ? `article ${o.articleId}${o.message ? `; ${o.message}` : ''}` : (o.message ?? '');
          console.log(`${o.status.padEnd(9)} ${o.name}  ${detail}`);
        }
        const count = (s: string) => report.outcomes.filter((o) => o.status === s).length;
        console.log(`${count('imported')} imported, ${count('duplicate')} duplicate, ${count('failed')} failed`);
        return count('failed') + failedExchange > 0 ? 1 : 0;
      }
      case 'search': {
        const query = positionals.join(' ');
        if (!query.trim()) throw new Usage('awb search needs a query');
        const limit = Math.max(1, Math.min(1000, Number(values.limit) || 50));
        const page = await call('articles.page', { query: { search: query }, startRow: 0, endRow: limit });
        for (const row of page.rows) {
          const snippet = row.snippet?.replaceAll('\u0002', '«').replaceAll('\u0003', '»') ?? null;
          console.log(JSON.stringify({ id: row.id, title: row.title, source: row.source, published: row.published, dateline: row.dateline, tags: row.tags.map((t) => t.name), snippet }));
        }
        return 0;
      }
      case 'purge': {
        const r = await call('workspace.purge', {});
        console.log(
          `purged    ${r.redactedChanges} change-log records redacted; ${r.bytesBefore.toLocaleString('en')} → ${r.bytesAfter.toLocaleString('en')} bytes` +
            (r.walEmptied ? '' : ' (another program has the workspace open: its log is emptied when that program closes it)'),
        );
        return 0;
      }
      case 'audit': {
        if (values.verify) {
          const r = await call('history.verify', {});
          for (const p of r.problems) console.log(`TAMPERED  record ${p.commandId}: ${p.problem}`);
          console.log(r.ok ? `intact    ${r.commands} records, ${r.rows} changed rows; head ${r.head}` : `BROKEN    ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} in ${r.commands} records`);
          return r.ok ? 0 : 1;
        }
        let left = Math.max(1, Number(values.limit) || 50);
        let beforeId: number | null = null;
        while (left > 0) {
          const page: CallOutput<'history.list'> = await call('history.list', { limit: Math.min(500, left), beforeId });
          for (const e of page.entries) console.log(JSON.stringify(e));
          if (page.entries.length === 0) break;
          left -= page.entries.length;
          beforeId = page.entries.at(-1)!.id;
        }
        return 0;
      }
      case 'stats':
        console.log(JSON.stringify(await call('articles.stats', {})));
        return 0;
      case 'group-copies': {
        core.session.current.assertWritable();
        let stop = false;
        const interrupt = () => (stop = true);
        process.once('SIGINT', interrupt);
        let shownAt = 0;
        try {
          const r = await groupStoredCopies(core.session.current.db, {
            stopped: () => stop,
            onProgress: ({ checked, total }) => {
              // The first and last lines, and one a second between: a million articles take minutes, and a log should not fill with them.
              if (checked > 0 && checked < total && performance.now() - shownAt < 1000) return;
              shownAt = performance.now();
              console.error(`grouping  ${checked.toLocaleString('en')} of ${total.toLocaleString('en')} articles checked for copies`);
            },
          });
          console.log(JSON.stringify(r));
          return r.cancelled ? 130 : 0;
        } finally {
          process.off('SIGINT', interrupt);
        }
      }
      case 'extract': {
        const ids = values.article?.length
          ? values.article.map(Number)
          : (core.session.current.db.prepare('SELECT id FROM article ORDER BY id').pluck().all() as number[]);
        if (ids.some((id) => !Number.isInteger(id) || id <= 0)) throw new Usage('--article takes an article id (a whole number)');
        const started = performance.now();
        let suggestions = 0;
        const failed: { articleId: number; reason: string }[] = [];
        for (let i = 0; i < ids.length; i += 200) {
          const r = await call('mentions.suggest', { articleIds: ids.slice(i, i + 200) });
          suggestions += r.suggestions;
          failed.push(...r.failed);
        }
        const seconds = (performance.now() - started) / 1000;
        for (const f of failed) console.error(`article ${f.articleId}: ${f.reason}`);
        console.log(JSON.stringify({ articles: ids.length, suggestions, failed: failed.length, seconds: Number(seconds.toFixed(2)) }));
        return failed.length ? 1 : 0;
      }
      case 'entities': {
        for (let start = 0; ; start += 1000) {
          const page = await call('entities.page', { query: {}, startRow: start, endRow: start + 1000 });
          for (const e of page.rows) {
            console.log(
              JSON.stringify({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, mentions: e.mentions, suggested: e.suggested, articles: e.articles, lat: e.lat, lon: e.lon, place: e.placeLabel }),
            );
          }
          if (start + 1000 >= page.total) break;
        }
        return 0;
      }
      case 'events': {
        for (let start = 0; ; start += 1000) {
          const page = await call('events.page', { query: { sort: [{ column: 'date', direction: 'asc' }] }, startRow: start, endRow: start + 1000 });
          for (const e of page.rows) {
            console.log(
              JSON.stringify({
                id: e.id,
                date: e.date,
                ...eventFields(e),
                lat: e.lat,
                lon: e.lon,
                evidence: e.evidence.map((x) => ({ field: x.field, quote: x.quote, article: x.articleTitle })),
                unsupported: e.unsupported,
                // The same event coded from another copy of its story: a count of events counts it once.
                counted: e.counted,
                alsoCodedAs: e.alsoCodedAs,
              }),
            );
          }
          if (start + 1000 >= page.total) break;
        }
        return 0;
      }
      case 'mentions': {
        const articleIds = values.article?.length ? values.article.map(Number) : null;
        if (articleIds?.some((id) => !Number.isInteger(id) || id <= 0)) throw new BadInput('--article takes an article id (a whole number)');
        const statuses = values.status === undefined ? [...MENTION_STATUSES] : values.status.split(',').map((s) => s.trim());
        const unknown = statuses.filter((s) => !(MENTION_STATUSES as readonly string[]).includes(s));
        if (unknown.length || statuses.length === 0) throw new BadInput(`--status takes ${MENTION_STATUSES.join(', ')} (comma-separated), not "${unknown.join(',') || values.status}"`);
        const repo = new MentionsRepository(core.session.current.db);
        // Read in blocks after the last line written, so a workspace with a million spans streams in bounded memory.
        for (let after = null as { articleId: number; start: number; id: number } | null; ; ) {
          const block = repo.listing({ articleIds, statuses: statuses as Mention['status'][], type: type?.data ?? null }, after, 2000);
          for (const m of block) {
            const { id: _id, ...line } = m;
            console.log(JSON.stringify(line));
          }
          if (block.length < 2000) break;
          const last = block.at(-1)!;
          after = { articleId: last.article, start: last.start, id: last.id };
        }
        return 0;
      }
      case 'accept': {
        const raw = values['min-confidence'];
        if (raw === undefined) throw new BadInput('awb accept needs --min-confidence X (a number from 0 to 1)');
        const minConfidence = Number(raw);
        if (raw.trim() === '' || !Number.isFinite(minConfidence) || minConfidence < 0 || minConfidence > 1) throw new BadInput(`--min-confidence must be a number from 0 to 1, not "${raw}"`);
        // Through dispatch, as the app's accept: one command on the change log, undoable, in one transaction.
        const r = await call('mentions.acceptSuggested', { minConfidence, type: type?.data ?? null });
        console.log(JSON.stringify({ accepted: r.accepted, minConfidence, type: type?.data ?? null }));
        return 0;
      }
      case 'export': {
        const format = ExportFormat.safeParse(values.format);
        if (!format.success) throw new Usage(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
        if (!values.out) throw new Usage('--out PATH is required');
        const acledCodes = values['acled-codes'];
        if (acledCodes !== 'text' && acledCodes !== 'numeric') throw new Usage('--acled-codes must be text or numeric');
        const tableName = values.table ?? (format.data === 'csv' || format.data === 'xlsx' ? 'events' : undefined);
        if (tableName && !(TABLE_NAMES as readonly string[]).includes(tableName)) throw new Usage(`--table must be one of ${TABLE_NAMES.join(', ')}`);
        const result = await call('exports.run', {
          format: format.data,
          // A relative path is the shell's folder, as a command-line user expects (the app's own default is the documents folder).
          path: path.resolve(values.out),
          handling: values.handling,
          acledCodes,
          includeSuggestions: values['include-suggestions'],
          includeRejected: values['include-rejected'],
          overwrite: values.force,
          ...(tableName ? { table: { table: tableName as (typeof TABLE_NAMES)[number] } } : {}),
        });
        console.log(`${result.format} → ${result.path}: ${result.records} records, ${result.bytes.toLocaleString('en')} bytes${result.files > 1 ? ` in ${result.files} files` : ''}`);
        return 0;
      }
      case 'report': {
        if (!values.out) throw new Usage('--out report.pdf|.docx|.md|.html is required');
        const format = REPORT_FORMAT_BY_EXTENSION[path.extname(values.out).toLowerCase()];
        if (!format) throw new Usage('--out must end in .pdf, .docx, .md or .html');
        const result = await call('reports.save', {
          spec: {
            title: values.title ?? `Report: ${path.basename(values.workspace, path.extname(values.workspace))}`,
            summary: values.summary,
            handling: values.handling,
            everyCopy: values['every-copy'],
          },
          format,
          path: path.resolve(values.out),
          overwrite: values.force,
        });
        console.log(`${format} → ${result.path}: ${result.events} events, ${result.bytes.toLocaleString('en')} bytes`);
        return 0;
      }
      default:
        throw new Usage(`Unknown command "${command}"`);
    }
  } finally {
    core.close();
  }
}

/**
 * A passphrase from the environment (then removed from it, so no child process inherits it) or from
 * the first line of a file; never from the command line, which every user of the machine can list.
 */
function readPassphrase(variable: string, file: string | undefined, option: string): string | null {
  const fromEnv = process.env[variable];
  delete process.env[variable];
  if (file !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new BadInput(`${option}: ${(error as Error).message}`);
    }
    const line = text.split(/\r?\n/)[0] ?? '';
    if (!line) throw new BadInput(`${option}: the file's first line is empty`);
    return line;
  }
  return fromEnv ? fromEnv : null;
}

function isArchiveFile(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) return false;
    const fd = fs.openSync(p, 'r');
    const magic = Buffer.alloc(2);
    fs.readSync(fd, magic, 0, 2, 0);
    fs.closeSync(fd);
    // Only a zip is read whole, to look at its manifest.
    return magic.toString('latin1') === 'PK' && isArchive(new Uint8Array(fs.readFileSync(p)));
  } catch {
    return false;
  }
}

/** The text of an exchange file (W3C, ACLED CSV, GeoJSON, KML, brat .ann, CoNLL, STIX, FtM), or null for an article or a folder. */
function exchangeText(p: string): string | null {
  if (!fs.statSync(p, { throwIfNoEntry: false })?.isFile()) return null;
  const fd = fs.openSync(p, 'r');
  const head = Buffer.alloc(4096);
  const n = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const start = head.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (!/^[{[]/.test(start) && !detectExchange(start, p)) return null;
  const text = fs.readFileSync(p, 'utf8');
  return detectExchange(text, p) ? text : null;
}

// A reader that stops early (`awb search … | head -3`) closes the pipe: that is not an error, the
// rest of the output is simply not wanted, so the command ends quietly there, as `head` expects
// (without a listener, EPIPE would end the process with a stack trace). Every write to the
// workspace is a transaction, and this runs between them, so none is left half done.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

/** Resolves once everything already written to `stream` has been handed to the OS, or the reader is gone. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) return resolve();
    // Writes complete in order, so this empty write's callback runs after every line before it.
    stream.write('', () => resolve());
  });
}

/**
 * Into a pipe, stdout is asynchronous: lines wait in memory until a slow reader takes them, and an
 * immediate process.exit() would drop them. So the exit waits for both streams to drain. It stays an
 * explicit exit (not just process.exitCode) so a handle left open by a dependency cannot hang the shell.
 */
async function exitWhenFlushed(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

main(process.argv.slice(2)).then(exitWhenFlushed, (error: Error) => {
  console.error(error instanceof BadInput ? `awb: ${error.message}` : error instanceof Usage ? `${error.message}\n\n${USAGE}` : `awb: ${error.message}`);
  return exitWhenFlushed(error instanceof Usage ? 2 : 1);
});
