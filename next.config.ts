import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native addons and the Snowflake driver must be loaded by Node, not bundled
  // (see shared/reference/nextjs-stack.md, "serverExternalPackages").
  serverExternalPackages: ['@duckdb/node-api', '@duckdb/node-bindings', 'snowflake-sdk'],
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: '2mb' },
  },
};

export default nextConfig;
