import fs from 'node:fs';
import path from 'node:path';
import { readExportModel } from '../../../db/exportModel.js';
import { ArticleQuery, EntityQuery, EventQuery } from '../../contract/index.js';
import { EXPORT_FORMAT_INFO, type ExportRequest, type ExportResult } from '../../contract/exports.js';
import { documentsFolder, fileTarget, writeBratFolder, writeFileAtomically } from '../output.js';
import type { Workspace } from '../workspace.js';
import { ACLED_COLUMNS, acledRows } from './acled.js';
import { toBrat, toConll, toW3c } from './annotations.js';
import { writeArchive } from './archive.js';
import { readExportIdentity } from './ids.js';
import { placeShapes, toGeoJson, toKml } from './geo.js';
import { toFtm, toGexf, toStix } from './graph.js';
import { tableCells, writeCsv, writeXlsx } from './tables.js';

/** Where an export goes unless the analyst says otherwise: the documents folder, named by workspace, format and day. */
export function defaultExportPath(workspaceFile: string, format: ExportRequest['format'], table?: string): string {
  const base = path.basename(workspaceFile, path.extname(workspaceFile));
  const day = new Date().toISOString().slice(0, 10);
  return path.join(documentsFolder(), `${base}-${table ?? format}-${day}${EXPORT_FORMAT_INFO[format].extension}`);
}

/**
 * Writes one export. Every format but the table and archive ones is written from the same model
 * (readExportModel), so they agree with each other. The save path follows the output policy
 * (services/output.ts): its folder must exist, a folder is never replaced, and the file is written
 * under a temporary name beside its target and renamed, so a failed export leaves nothing behind.
 */
export async function runExport(ws: Workspace, req: ExportRequest, appVersion: string): Promise<ExportResult> {
  const scope = { articleIds: req.articleIds, includeSuggestions: req.includeSuggestions };
  if (req.format === 'brat') {
    const model = readExportModel(ws.db, scope);
    const { files: out, conf } = toBrat(model, readExportIdentity(ws.db, model));
    const files = new Map([['annotation.conf', conf], ...out]);
    const written = await writeBratFolder(req.path, files, req.overwrite);
    return { path: written.path, format: req.format, records: model.mentions.length, bytes: written.bytes, files: files.size };
  }
  const target = fileTarget(req.path, req.overwrite);
  let records = 0;
  const bytes = await writeFileAtomically(target, async (partial) => {
    const write = (text: string) => fs.writeFileSync(partial, text);
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
        records = rows.length;
        if (req.format === 'csv') writeCsv(partial, header, rows);
        else await writeXlsx(partial, table.table, header, rows);
        return;
      }
      case 'archive':
        records = Object.values(writeArchive(ws.db, partial, appVersion).counts).reduce((a, b) => a + b, 0);
        return;
    }
    const model = readExportModel(ws.db, scope);
    const ids = readExportIdentity(ws.db, model);
    switch (req.format) {
      case 'geojson': {
        const geo = toGeoJson(model, ids, placeShapes(ws.db, model.entities.map((e) => e.id))) as { features: unknown[] };
        records = geo.features.length;
        write(JSON.stringify(geo));
        break;
      }
      case 'kml':
        records = model.events.length;
        write(toKml(model, path.basename(ws.file), ids));
        break;
      case 'acled': {
        const rows = acledRows(ws.db, model, req.acledCodes);
        records = rows.length;
        writeCsv(partial, [...ACLED_COLUMNS], rows);
        break;
      }
      case 'w3c':
        records = model.mentions.length;
        write(JSON.stringify(toW3c(model, ids), null, 1));
        break;
      case 'conll':
        records = model.mentions.length;
        write(toConll(model));
        break;
      case 'ftm': {
        const text = toFtm(model, ids);
        records = text ? text.split('\n').length - 1 : 0;
        write(text);
        break;
      }
      case 'stix': {
        const bundle = toStix(model, req.handling, ids) as { objects: unknown[] };
        records = bundle.objects.length;
        write(JSON.stringify(bundle, null, 1));
        break;
      }
      case 'gexf':
        records = model.relations.length;
        write(toGexf(model, ids));
        break;
    }
  });
  return { path: target, format: req.format, records, bytes, files: 1 };
}
