// Empty stand-in for the `server-only` guard when server modules run under Vitest or tsx.
export {};
