/**
 * ESLint (flat config): JavaScript's and typescript-eslint's recommended rules with the
 * conventions of JupyterLab's extension template, and Prettier's config last so that layout is
 * Prettier's alone (`npm run format`). Each rule that differs from those presets says why.
 */
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'lib/',
      '.venv/',
      '.cache/',
      'dist/',
      '_lite/',
      'jupyterlab_coroutine_cells/',
      'ui-tests/test-results/',
      'ui-tests/playwright-report/',
      'benchmarks/results/',
      'tests/fixtures/',
      'tests/reference/scenarios/'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        // Scripts, tests and the CLI run in Node; the plugins in a browser. Type-checking
        // (tsconfig per layer) is what keeps host APIs out of the core, not ESLint.
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        queueMicrotask: 'readonly',
        structuredClone: 'readonly',
        performance: 'readonly',
        globalThis: 'readonly',
        window: 'readonly',
        document: 'readonly'
      }
    },
    rules: {
      // As JupyterLab's template: == only against null/undefined, which the code uses on purpose.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Named function expressions stay: their names show in tracebacks and in print(fn).
      'prefer-arrow-callback': ['error', { allowNamedFunctions: true }],
      // As JupyterLab's template: unused arguments are part of callback signatures.
      '@typescript-eslint/no-unused-vars': ['warn', { args: 'none', caughtErrors: 'none', ignoreRestSiblings: true }],
      // As JupyterLab's template (`any` at the boundaries to JupyterLab's and TypeScript's APIs).
      '@typescript-eslint/no-explicit-any': 'off',
      // As JupyterLab's template.
      '@typescript-eslint/no-namespace': 'off',
      // Not adopted from the template: its `I` prefix for every interface. This project keeps the
      // prefix for DI tokens (IRuntimeRegistry) and names plain interfaces as nouns (CellOptions).
      //
      // Coroutines are generator functions (docs/coroutine-protocol.md); one that finishes without
      // suspending (`function* () { return 1; }`) is a valid coroutine, common in tests.
      'require-yield': 'off'
    }
  },
  {
    // Playwright configs and a few scripts are CommonJS.
    files: ['**/*.cjs', 'ui-tests/*.config.ts', 'ui-tests/suite-config.ts', 'webpack.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  prettier
);
