/**
 * The boundaries between the project's layers (docs/architecture.md, "Layers"), checked on every
 * `npm test`: no import cycles; lib/domain stays pure; the local warehouse, its own process,
 * depends on nothing of the dashboard's; client code never imports server-only modules; warehouse
 * data is never rendered as HTML.
 */
import fs from 'node:fs';
import importX from 'eslint-plugin-import-x';
import react from 'eslint-plugin-react';
import tseslint from 'typescript-eslint';
import noServerOnlyInClient from './eslint/no-server-only-in-client.mjs';

/** Modules that do I/O or hold process state: lib/domain must not import them. */
const IO_MODULES = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'stream', 'worker_threads',
  '@duckdb/*', 'snowflake-sdk', 'server-only', 'next', 'next/*', 'react', 'react-dom',
];

/** The dashboard's own lib/ folders: everything but the pure domain and the local warehouse. */
const DASHBOARD_LIB = fs
  .readdirSync('lib', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !['domain', 'local-warehouse'].includes(entry.name))
  .map((entry) => `./lib/${entry.name}`);

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', '.flurry/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { 'import-x': importX, react, flurry: { rules: { 'no-server-only-in-client': noServerOnlyInClient } } },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver(), (await import('eslint-import-resolver-typescript')).createTypeScriptImportResolver({ alwaysTryTypes: true })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.mjs', '.js'],
      react: { version: '19' },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'react/no-danger': 'error',
      'flurry/no-server-only-in-client': 'error',
    },
  },
  {
    // Tests drive a layer from outside (the warehouse's tests through snowflake-sdk), so the
    // layer rules hold for the code that ships.
    files: ['lib/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/*.fixture.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', {
        zones: [
          {
            target: './lib/domain',
            from: DASHBOARD_LIB.concat(['./lib/local-warehouse', './app', './components', './scripts']),
            message: 'lib/domain is pure logic: it imports only lib/domain',
          },
          {
            target: './lib/local-warehouse',
            from: DASHBOARD_LIB.concat(['./app', './components', './scripts']),
            message: 'the local warehouse is its own process: it imports only lib/domain and itself',
          },
          {
            target: DASHBOARD_LIB.concat(['./app', './components']),
            from: './lib/local-warehouse',
            message: 'the dashboard reaches the local warehouse only through snowflake-sdk',
          },
        ],
      }],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    ignores: ['lib/domain/validation/zod.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'zod', importNames: ['z'], allowTypeImports: true, message: "import z from '@/lib/domain/validation/zod', configured for the pages' Content-Security-Policy" }],
      }],
    },
  },
  {
    files: ['lib/domain/**/*.{ts,tsx}'],
    ignores: ['lib/domain/**/*.test.ts', 'lib/domain/validation/zod.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'zod', importNames: ['z'], allowTypeImports: true, message: "import z from '@/lib/domain/validation/zod', configured for the pages' Content-Security-Policy" }],
        patterns: [{ group: IO_MODULES, message: 'lib/domain is pure logic: no I/O, no framework' }],
      }],
    },
  },
);
