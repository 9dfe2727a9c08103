/**
 * zod, configured for the pages' Content-Security-Policy, which forbids eval. Left to itself,
 * zod 4 probes for eval with `new Function` when it builds an object schema, and the browser
 * reports that as a violation. Every module that builds schemas imports `z` from here, so the
 * setting is in place before any schema exists, whichever module loads first.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
