import { IMPORTABLE_EXTENSIONS } from '../../electron/contract/imports.js';

export interface PickedFile {
  name: string;
  file: File;
}

const importable = (name: string) => IMPORTABLE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/** Files from an <input>: a folder input gives every file inside, so keep only importable ones. */
export function fromFileList(list: FileList, fromFolder: boolean): PickedFile[] {
  return Array.from(list)
    .map((file) => ({ name: file.webkitRelativePath || file.name, file }))
    .filter((f) => !fromFolder || (importable(f.name) && !f.name.split('/').some((p) => p.startsWith('.'))))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Dropped files and folders (folders are walked; their non-article files are skipped). */
export async function fromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(transfer.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return Array.from(transfer.files).map((file) => ({ name: file.name, file }));
  const out: PickedFile[] = [];
  const walk = async (entry: FileSystemEntry, inFolder: boolean): Promise<void> => {
    if (entry.isFile) {
      if (inFolder && (!importable(entry.name) || entry.name.startsWith('.'))) return;
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ name: entry.fullPath.replace(/^\//, ''), file });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, true);
      }
    }
  };
  for (const entry of entries) await walk(entry, false);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
