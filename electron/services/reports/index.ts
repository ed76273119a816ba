import fs from 'node:fs';
import path from 'node:path';
import type { ReportFormat, ReportSaved, ReportSpec } from '../../contract/reports.js';
import { UserError } from '../errors.js';
import type { Workspace } from '../workspace.js';
import { readReportContent } from './content.js';
import { reportDocx } from './docx.js';
import { reportHtml } from './html.js';
import { reportMarkdown } from './markdown.js';
import type { PdfPrinter } from './pdf.js';

const EXTENSION: Record<ReportFormat, string> = { pdf: '.pdf', docx: '.docx', md: '.md', html: '.html' };

export function defaultReportPath(workspaceFile: string, format: ReportFormat): string {
  const base = path.basename(workspaceFile, path.extname(workspaceFile));
  return path.join(path.dirname(workspaceFile), 'reports', `${base}-report-${new Date().toISOString().slice(0, 10)}${EXTENSION[format]}`);
}

export function previewReport(ws: Workspace, spec: ReportSpec): { html: string; events: number } {
  const content = readReportContent(ws.db, spec);
  return { html: reportHtml(content), events: content.totalEvents };
}

/** Builds the report once from the workspace and writes it in the chosen format (via a temp name, then renamed). */
export async function saveReport(ws: Workspace, spec: ReportSpec, format: ReportFormat, file: string, overwrite: boolean, print: PdfPrinter): Promise<ReportSaved> {
  const target = path.resolve(file);
  if (fs.existsSync(target) && !overwrite) throw new UserError('exists', `${target} already exists: choose another name, or allow overwriting.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const content = readReportContent(ws.db, spec);
  const partial = `${target}.partial`;
  try {
    if (format === 'html') fs.writeFileSync(partial, reportHtml(content));
    else if (format === 'pdf') await print(reportHtml(content), partial);
    else if (format === 'docx') fs.writeFileSync(partial, await reportDocx(content));
    else {
      let mapFile: string | null = null;
      if (spec.mapImage && spec.sections.includes('map')) {
        mapFile = `${path.basename(target, path.extname(target))}.map.png`;
        fs.writeFileSync(path.join(path.dirname(target), mapFile), Buffer.from(spec.mapImage.slice(spec.mapImage.indexOf(',') + 1), 'base64'));
      }
      fs.writeFileSync(partial, reportMarkdown(content, mapFile));
    }
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { path: target, format, bytes: fs.statSync(target).size, events: content.totalEvents };
}
