/**
 * Client code (components, client hooks and query helpers, and any file that starts with
 * 'use client') must not import a module marked `import 'server-only'`, not even for a type: a
 * type import compiles away today and becomes a value import with the next edit, and it ties the
 * browser's code to the server's internals. ESLint has no rule that reads the imported file's
 * marker, so this one resolves the import and looks.
 */
import fs from 'node:fs';
import path from 'node:path';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];
const MARKER = /^import ['"]server-only['"];?$/m;
const CLIENT_FOLDERS = ['components/', 'lib/hooks/', 'lib/queries/'];

const markerCache = new Map();

function resolveFile(root, fromFile, specifier) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  if (/\.(ts|tsx|mts)$/.test(base) && fs.existsSync(base)) return base;
  for (const ext of EXTENSIONS) {
    if (fs.existsSync(base + ext)) return base + ext;
  }
  return null;
}

function isServerOnly(file) {
  if (!markerCache.has(file)) markerCache.set(file, MARKER.test(fs.readFileSync(file, 'utf8')));
  return markerCache.get(file);
}

function isClientFile(root, file, sourceCode) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (CLIENT_FOLDERS.some((folder) => relative.startsWith(folder))) return true;
  const first = sourceCode.ast.body[0];
  return first?.type === 'ExpressionStatement' && first.directive === 'use client';
}

export default {
  meta: {
    type: 'problem',
    docs: { description: "client code must not import a module marked 'server-only'" },
    messages: { serverOnly: "'{{specifier}}' is server-only and this is client code: move what it needs to lib/domain" },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    if (!isClientFile(root, file, context.sourceCode)) return {};
    function check(node) {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string') return;
      const target = resolveFile(root, file, specifier);
      if (target && isServerOnly(target)) context.report({ node, messageId: 'serverOnly', data: { specifier } });
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};
