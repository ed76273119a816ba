import { gazetteerFile } from '../../paths.js';
import { buildGazetteer } from './build.js';
import { Gazetteer } from './gazetteer.js';

// Run by `npm run build`: indexes the gazetteer once, so the app opens it read-only in milliseconds.
const file = gazetteerFile();
if (Gazetteer.isCurrent(file)) process.exit(0);
const { places, names, seconds } = buildGazetteer(file);
console.log(`Gazetteer: ${places.toLocaleString('en')} places, ${names.toLocaleString('en')} names indexed in ${seconds.toFixed(1)} s → ${file}`);
