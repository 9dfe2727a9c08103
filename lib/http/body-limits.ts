/**
 * The largest server action request the dashboard takes (next.config.ts). The forms check their
 * own, smaller limits before sending (e.g. 1 MB of SQL); this one stops anything else early.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/** Why a request with `contentLength` bytes is refused, or null when its size is acceptable. */
export function oversizedActionBody(contentLength: string | null): string | null {
  const bytes = Number(contentLength);
  if (!contentLength || !Number.isFinite(bytes) || bytes <= SERVER_ACTION_BODY_LIMIT_BYTES) return null;
  return `The request body is ${bytes.toLocaleString('en-US')} bytes; a server action takes at most ${SERVER_ACTION_BODY_LIMIT_BYTES.toLocaleString('en-US')} bytes (2 MB).`;
}
