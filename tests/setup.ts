import { removeTempDirsAfterEachFile } from './tempDirs.js';

removeTempDirsAfterEachFile();
