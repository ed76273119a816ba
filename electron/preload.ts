import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CoreEvent } from './contract/index.js';

// Only the typed API crosses into the page: never ipcRenderer itself.
contextBridge.exposeInMainWorld('workbench', {
  invoke: (name: string, input: unknown) => {
    if (typeof name !== 'string') throw new TypeError('call name must be a string');
    return ipcRenderer.invoke('awb:invoke', name, input);
  },
  on: (listener: (event: CoreEvent) => void) => {
    const handler = (_: IpcRendererEvent, event: CoreEvent) => listener(event);
    ipcRenderer.on('awb:event', handler);
    return () => void ipcRenderer.removeListener('awb:event', handler);
  },
  pickWorkspace: (kind: 'open' | 'create' | 'saveCopy' | 'archive') => ipcRenderer.invoke('awb:pick-workspace', kind),
  pickSavePath: (defaultPath: string, folder: boolean) => ipcRenderer.invoke('awb:pick-save-path', defaultPath, folder),
});
