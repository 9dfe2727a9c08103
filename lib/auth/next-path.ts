/**
 * Where the sign-in page sends someone back to (`?next=`). Only a path on this dashboard is
 * followed; anything else (another origin, `//host`, `/\host`, a scheme) goes to the Jobs page,
 * so the sign-in page cannot be used as an open redirect.
 */

export const DEFAULT_NEXT_PATH = '/jobs';

const BASE = 'http://flurry.invalid';

export function safeNextPath(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2_000) return DEFAULT_NEXT_PATH;
  // Browsers read a backslash as a slash and drop tabs and newlines, so "/\evil" or "/\t/evil" are "//evil".
  if (!raw.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(raw) || raw.startsWith('//')) return DEFAULT_NEXT_PATH;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return DEFAULT_NEXT_PATH;
  }
  // Dot segments can still leave a path starting with "//" ("/..//evil"), which a browser follows to that host.
  if (url.origin !== BASE || url.pathname.startsWith('//') || url.pathname === '/sign-in') return DEFAULT_NEXT_PATH;
  return `${url.pathname}${url.search}${url.hash}`;
}
