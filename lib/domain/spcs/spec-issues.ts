/**
 * The spec schema's zod issues as located errors: each path written as YAML reads it
 * (`spec.containers[0].env.A`) with the line of the offending field, each unknown key an error of
 * its own, and a code-loading variable worded with the name of its container. Pure.
 */
import type { z } from 'zod';
import { codeLoadingMessage } from './spec-env';
import { isContainerName, isMapping, type SpecIssueParams } from './spec-schema';
import { childPath, formatPath, type LocatedError } from './spec-yaml';

export function locateIssues(issues: readonly z.core.$ZodIssue[], document: unknown, lineOf: (path: string) => number | null): LocatedError[] {
  return issues.flatMap((issue): LocatedError[] => {
    const path = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const at = childPath(path, key);
        return { path: at, line: lineOf(at), message: `Unknown field '${key}'; ${issue.message}` };
      });
    }
    const params = (issue.code === 'custom' ? issue.params : undefined) as SpecIssueParams | undefined;
    if (params?.kind === 'envName') {
      // Such a key would not read as a path segment; its line is still the key's own.
      const shown = `${formatPath(issue.path.slice(0, -1))}[${JSON.stringify(issue.path.at(-1))}]`;
      return [{ path: shown, line: lineOf(path), message: issue.message }];
    }
    if (params?.kind === 'codeLoading') {
      // The issue's path ends `…container.env.NAME`.
      const message = codeLoadingMessage(params.variable, params.runtime, containerNameAt(document, issue.path.slice(0, -2)));
      return [{ path, line: lineOf(path), message }];
    }
    return [{ path, line: lineOf(path), message: issue.message }];
  });
}

/** The name of the container at `path` in the document, when it is a valid one. */
function containerNameAt(document: unknown, path: readonly PropertyKey[]): string | null {
  let value = document;
  for (const segment of path) {
    const key = String(segment);
    value = (Array.isArray(value) || isMapping(value)) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  return isMapping(value) && isContainerName(value.name) ? value.name : null;
}
