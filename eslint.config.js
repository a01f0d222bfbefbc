// Lint rules, including the import direction of DESIGN.md §2, enforced per folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (...names) => names.map((n) => `**/${n}/**`);

/** Folders a layer must not import from, with the reason shown in the lint error. */
const boundaries = [
  {
    files: ['src/common/**'],
    forbidden: layer(
      'engine',
      'pgwire',
      'sql',
      'exec',
      'storage',
      'formats',
      'cli',
      'planner',
      'workers',
      'catalog',
    ),
    message: 'src/common imports nothing internal.',
  },
  {
    files: ['src/sql/**'],
    forbidden: layer(
      'engine',
      'pgwire',
      'exec',
      'storage',
      'formats',
      'cli',
      'planner',
      'workers',
      'catalog',
    ),
    message: 'src/sql imports only src/common.',
  },
  {
    files: ['src/pgwire/**'],
    forbidden: [
      ...layer('sql', 'exec', 'storage', 'formats', 'cli', 'planner', 'workers', 'catalog'),
      '**/engine/*',
      '!**/engine/query-engine.js',
    ],
    message:
      'src/pgwire talks only to the QueryEngine interface (src/engine/query-engine.ts) and src/common.',
  },
  {
    files: ['catalog/**'],
    forbidden: layer('engine', 'pgwire', 'sql', 'exec', 'formats', 'cli', 'planner', 'workers'),
    message:
      'catalog/ imports src/common and storage interfaces only; it never parses format metadata.',
  },
  {
    files: ['src/formats/**'],
    forbidden: [
      ...layer('engine', 'pgwire', 'sql', 'exec', 'cli', 'workers'),
      '**/planner/*',
      '!**/planner/plan',
    ],
    message:
      'src/formats imports src/common, src/storage, catalog types and plan types (pushed filters) only.',
  },
  {
    files: ['planner/**'],
    forbidden: layer('exec', 'workers', 'pgwire', 'engine', 'cli', 'storage'),
    message: 'planner/ is pure: AST + catalog/format interfaces in, a physical plan out.',
  },
  {
    files: ['src/exec/**', 'workers/**'],
    forbidden: [...layer('pgwire', 'engine', 'cli', 'sql'), '**/planner/*', '!**/planner/plan'],
    message:
      'src/exec and workers/ import plan types, never the planner code, the engine or pgwire.',
  },
  {
    files: ['src/storage/**'],
    forbidden: layer(
      'engine',
      'pgwire',
      'sql',
      'exec',
      'formats',
      'cli',
      'planner',
      'workers',
      'catalog',
    ),
    message: 'src/storage imports only src/common.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '**/gen/**',
      'warehouse/**',
      '.tmp/**',
      'bin/**',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (DESIGN.md §5).' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...boundaries.map(({ files, forbidden, message }) => ({
    files,
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }] },
  })),
);
