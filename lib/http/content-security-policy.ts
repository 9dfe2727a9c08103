/**
 * The pages' Content-Security-Policy. Scripts run only from this origin and with the request's
 * nonce (Next.js puts it on its own inline hydration scripts, reading it from this header on the
 * request); 'strict-dynamic' lets those scripts load the page's chunks. Styles may be inline:
 * React Flow and the timeline position things with style attributes. Nothing may frame the
 * dashboard, post its forms elsewhere, or load plugins; data is fetched from this origin only.
 */
import { randomBytes } from 'node:crypto';

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** `development`: React's dev build reconstructs server error stacks with eval. */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
