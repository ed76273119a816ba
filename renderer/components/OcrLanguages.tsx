import { useState } from 'react';
import { OCR_LANGUAGES, OcrLanguage } from '../../electron/contract/imports.js';

const KEY = 'awb.ocrLanguages';
const CODES = Object.keys(OCR_LANGUAGES) as OcrLanguage[];

/** The languages this analyst's scans are in, remembered between imports (English until they choose). */
export function useOcrLanguages(): [OcrLanguage[], (next: OcrLanguage[]) => void] {
  const [languages, setLanguages] = useState<OcrLanguage[]>(() => {
    const stored = (localStorage.getItem(KEY) ?? '').split('+').filter((c): c is OcrLanguage => OcrLanguage.safeParse(c).success);
    return stored.length ? stored : ['eng'];
  });
  const choose = (next: OcrLanguage[]) => {
    localStorage.setItem(KEY, next.join('+'));
    setLanguages(next);
  };
  return [languages, choose];
}

/**
 * Which languages the OCR engine reads scanned pages in. Each language ticked costs reading time,
 * so only those the scans are in should be; one always stays ticked.
 */
export function OcrLanguagePicker({ languages, onChange }: { languages: OcrLanguage[]; onChange: (next: OcrLanguage[]) => void }) {
  return (
    <fieldset className="ocr-languages">
      <legend>Scans are in</legend>
      {CODES.map((code) => {
        const ticked = languages.includes(code);
        return (
          <label key={code}>
            <input
              type="checkbox"
              checked={ticked}
              disabled={ticked && languages.length === 1}
              onChange={(e) => onChange(e.target.checked ? CODES.filter((c) => c === code || languages.includes(c)) : languages.filter((c) => c !== code))}
            />{' '}
            {OCR_LANGUAGES[code]}
          </label>
        );
      })}
    </fieldset>
  );
}
