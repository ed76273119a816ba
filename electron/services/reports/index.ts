import fs from 'node:fs';
import path from 'node:path';
import type { ReportFormat, ReportSaved, ReportSpec } from '../../contract/reports.js';
import { checkFileTarget, documentsFolder, fileTarget, writeFilesAtomically, type PendingFile } from '../output.js';
import type { Workspace } from '../workspace.js';
import { readReportContent } from './content.js';
import { reportDocx } from './docx.js';
import { reportHtml } from './html.js';
import { reportMarkdown } from './markdown.js';
import type { PdfPrinter } from './pdf.js';

const EXTENSION: Record<ReportFormat, string> = { pdf: '.pdf', docx: '.docx', md: '.md', html: '.html' };

/** Where a report goes unless the analyst says otherwise: the documents folder, named by workspace and day. */
export function defaultReportPath(workspaceFile: string, format: ReportFormat): string {
  const base = path.basename(workspaceFile, path.extname(workspaceFile));
  return path.join(documentsFolder(), `${base}-report-${new Date().toISOString().slice(0, 10)}${EXTENSION[format]}`);
}

export function previewReport(ws: Workspace, spec: ReportSpec): { html: string; events: number } {
  const content = readReportContent(ws.db, spec);
  return { html: reportHtml(content), events: content.totalEvents };
}

/**
 * Builds the report once from the workspace and writes it in the chosen format, by the output
 * policy (services/output.ts): under a temporary name beside the target, then renamed. A Markdown
 * report's map snapshot is written the same way, and both appear together or not at all.
 */
export async function saveReport(ws: Workspace, spec: ReportSpec, format: ReportFormat, file: string, overwrite: boolean, print: PdfPrinter): Promise<ReportSaved> {
  const target = fileTarget(file, overwrite);
  const content = readReportContent(ws.db, spec);
  const pending: PendingFile[] = [];
  if (format === 'html') pending.push({ target, write: (p) => fs.writeFileSync(p, reportHtml(content)) });
  else if (format === 'pdf') pending.push({ target, write: (p) => print(reportHtml(content), p) });
  else if (format === 'docx') pending.push({ target, write: async (p) => fs.writeFileSync(p, await reportDocx(content)) });
  else {
    let mapFile: string | null = null;
    if (spec.mapImage && spec.sections.includes('map')) {
      mapFile = `${path.basename(target, path.extname(target))}.map.png`;
      const png = path.join(path.dirname(target), mapFile);
      checkFileTarget(png, overwrite);
      pending.push({ target: png, write: (p) => fs.writeFileSync(p, Buffer.from(spec.mapImage!.slice(spec.mapImage!.indexOf(',') + 1), 'base64')) });
    }
    pending.push({ target, write: (p) => fs.writeFileSync(p, reportMarkdown(content, mapFile)) });
  }
  await writeFilesAtomically(pending);
  return { path: target, format, bytes: fs.statSync(target).size, events: content.totalEvents };
}
