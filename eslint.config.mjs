// Lint rules: typescript-eslint recommended + stylistic, and the layering rule that keeps src/core free of 'vscode'.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.vscode-test/**', 'node_modules/**', 'test-results/**', 'examples/**'] },
  ...tseslint.configs.recommended,
  ...tseslint.configs.stylistic,
  {
    rules: {
      curly: ['warn', 'multi-line'],
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**', 'src/cli/**', 'src/providers/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/extension may import vscode.' }] }],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core is pure: no vscode.' }],
          patterns: [{ group: ['**/providers/**', '**/extension/**', '@aws-sdk/*', '@google-cloud/*', '@azure/*'], message: 'src/core is pure: no SDKs, providers or extension code.' }],
        },
      ],
    },
  },
);
