import type { NextConfig } from 'next';
import { SERVER_ACTION_BODY_LIMIT_BYTES } from './lib/http/body-limits';

/**
 * Sent with every answer, pages, API and static files alike. The pages' Content-Security-Policy
 * carries a per-request nonce, so proxy.ts sets it.
 */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  // For browsers that predate the policy's frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const nextConfig: NextConfig = {
  // Native addons and the Snowflake driver must be loaded by Node, not bundled
  // (https://nextjs.org/docs/app/api-reference/config/next-config-js/serverExternalPackages).
  serverExternalPackages: ['@duckdb/node-api', '@duckdb/node-bindings', 'snowflake-sdk'],
  poweredByHeader: false,
  experimental: {
    // Next.js's own origin check on server actions stays on: no allowedOrigins.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
  },
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
