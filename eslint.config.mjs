// Type-aware lint. The notes model, knowledge, index and features never touch VS Code or the LSP
// connection: the CLI, the tests and the server share them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const transportFree = [
  'server/src/notes/**',
  'server/src/words/**',
  'server/src/knowledge/**',
  'server/src/index/**',
  'server/src/features/**',
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.code-server/**', 'bench/out/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-namespace': 'off',
      // Message namespaces spell out their method's literal type, as vscode-eslint does.
      '@typescript-eslint/prefer-as-const': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Prettier wraps code at 140; this holds strings and comments to it too.
      'max-len': ['error', { code: 140, ignoreUrls: true }],
    },
  },
  {
    files: transportFree,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The notes model, knowledge, index and features must not depend on VS Code.' },
            { name: 'vscode-languageserver', message: 'Use vscode-languageserver-types here; only server.ts knows the connection.' },
            { name: 'vscode-languageserver/node', message: 'Use vscode-languageserver-types here; only main.ts knows the transport.' },
            { name: 'vscode-languageclient', message: 'The server side never imports the client.' },
          ],
          patterns: [
            {
              group: ['vscode-languageclient/*', '**/server', '**/session', '**/main'],
              message: 'Keep the connection and the session out of this folder.',
            },
          ],
        },
      ],
    },
  },
);
