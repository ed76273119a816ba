import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', '.electron-native/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer talks to the core only through the typed contract, never to Node or the db.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer runs in a browser sandbox.' },
            { name: 'better-sqlite3', message: 'The renderer runs in a browser sandbox.' },
            { name: 'better-sqlite3-multiple-ciphers', message: 'The renderer runs in a browser sandbox.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser sandbox.' },
            { group: ['**/db/**', '**/electron/services/**', '**/electron/dispatch*', '**/electron/handlers*'], message: 'Import only from electron/contract.' },
          ],
        },
      ],
    },
  },
);
