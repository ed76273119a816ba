import path from 'node:path';
import { readExportModel } from '../../../db/exportModel.js';
import { ArticleQuery, EntityQuery, EventQuery } from '../../contract/index.js';
import { EXPORT_FORMAT_INFO, REJECTION_FORMATS, type ExportRequest, type ExportResult } from '../../contract/exports.js';
import { documentsFolder, fileTarget, writeBratFolder, writeChunksAtomically, writeFileAtomically, writeStreamAtomically, type StreamOptions } from '../output.js';
import type { Workspace } from '../workspace.js';
import { ACLED_COLUMNS, acledRows } from './acled.js';
import { conllChunks, toBrat, w3cChunks } from './annotations.js';
import { writeArchive } from './archive.js';
import { readExportIdentity } from './ids.js';
import { geoJsonChunks, kmlChunks, placeShapes } from './geo.js';
import { ftmLines, gexfLines, stixChunks } from './graph.js';
import { csvChunks, tableCells, writeXlsx } from './tables.js';
import type { Tally } from './tally.js';

/** Where an export goes unless the analyst says otherwise: the documents folder, named by workspace, format and day. */
export function defaultExportPath(workspaceFile: string, format: ExportRequest['format'], table?: string): string {
  const base = path.basename(workspaceFile, path.extname(workspaceFile));
  const day = new Date().toISOString().slice(0, 10);
  return path.join(documentsFolder(), `${base}-${table ?? format}-${day}${EXPORT_FORMAT_INFO[format].extension}`);
}

/** Exports under way: Cancel stops them all (the window runs one at a time). */
const running = new Set<AbortController>();

/** Stops every export under way; each removes its temporary file and reports that it was cancelled. */
export function cancelExports(): { cancelled: number } {
  const cancelled = running.size;
  for (const controller of running) controller.abort();
  return { cancelled };
}

/**
 * Writes one export. Every format but the table and archive ones is written from the same model
 * (readExportModel), so they agree with each other. The save path follows the output policy
 * (services/output.ts): its folder must exist, a folder is never replaced, and the file is written
 * under a temporary name beside its target and renamed, so a failed or cancelled export leaves
 * nothing behind. Files are written as they are made, so their size never sits in memory, and the
 * write lets other calls through (a Cancel among them) as it goes.
 */
export async function runExport(ws: Workspace, req: ExportRequest, appVersion: string, onProgress?: (bytes: number) => void): Promise<ExportResult> {
  const controller = new AbortController();
  running.add(controller);
  try {
    return await writeExport(ws, req, appVersion, { signal: controller.signal, onProgress });
  } finally {
    running.delete(controller);
  }
}

async function writeExport(ws: Workspace, req: ExportRequest, appVersion: string, options: StreamOptions): Promise<ExportResult> {
  const scope = { articleIds: req.articleIds, includeSuggestions: req.includeSuggestions, includeRejected: req.includeRejected && REJECTION_FORMATS.includes(req.format) };
  if (req.format === 'brat') {
    const model = readExportModel(ws.db, scope);
    const { files: out, conf } = toBrat(model, readExportIdentity(ws.db, model));
    const files = new Map([['annotation.conf', conf], ...out]);
    const written = await writeBratFolder(req.path, files, req.overwrite);
    return { path: written.path, format: req.format, records: model.mentions.length, bytes: written.bytes, files: files.size };
  }
  const target = fileTarget(req.path, req.overwrite);
  const result = (records: number, bytes: number): ExportResult => ({ path: target, format: req.format, records, bytes, files: 1 });
  const tally: Tally = { records: 0 };
  const stream = async (chunks: Iterable<string>, records: () => number = () => tally.records) => {
    const bytes = await writeChunksAtomically(target, chunks, options);
    return result(records(), bytes);
  };
  switch (req.format) {
    case 'csv':
    case 'xlsx': {
      const table = req.table ?? { table: 'events' as const };
      const request = {
        ...table,
        articleQuery: table.articleQuery ?? ArticleQuery.parse({}),
        entityQuery: table.entityQuery ?? EntityQuery.parse({ articleIds: req.articleIds ?? [] }),
        eventQuery: table.eventQuery ?? EventQuery.parse({ articleIds: req.articleIds ?? [] }),
      };
      const { header, rows } = tableCells(ws.db, request);
      if (req.format === 'csv') return stream(csvChunks(header, rows, tally));
      const bytes = await writeStreamAtomically(target, (out, checkpoint) => writeXlsx(out, table.table, header, rows, tally, checkpoint), options);
      return result(tally.records, bytes);
    }
    case 'archive': {
      let records = 0;
      const bytes = await writeFileAtomically(target, (partial) => {
        records = Object.values(writeArchive(ws.db, partial, appVersion).counts).reduce((a, b) => a + b, 0);
      });
      return result(records, bytes);
    }
  }
  const model = readExportModel(ws.db, scope);
  const ids = readExportIdentity(ws.db, model);
  switch (req.format) {
    case 'geojson':
      return stream(geoJsonChunks(model, ids, placeShapes(ws.db, model.entities.map((e) => e.id)), tally));
    case 'kml':
      return stream(kmlChunks(model, path.basename(ws.file), ids), () => model.events.length);
    case 'acled':
      return stream(csvChunks([...ACLED_COLUMNS], acledRows(ws.db, model, req.acledCodes), tally));
    case 'w3c':
      return stream(w3cChunks(model, ids), () => model.mentions.length);
    case 'conll':
      return stream(conllChunks(model), () => model.mentions.length);
    case 'ftm':
      return stream(ftmLines(model, ids, tally));
    case 'stix':
      return stream(stixChunks(model, req.handling, ids, tally));
    case 'gexf':
      return stream(gexfLines(model, ids), () => model.relations.length);
  }
}
