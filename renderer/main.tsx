import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { adoptSessionToken } from './sessionToken.js';
import './styles.css';

ModuleRegistry.registerModules([AllCommunityModule]);
// Before the first call: browser mode's token leaves the address bar here (a no-op in Electron).
if (!window.workbench) adoptSessionToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
