/** Where the end-to-end tests run the dashboard, and its local warehouse (a test may connect a second client to it). */
export const PORT = 3100;
export const WAREHOUSE_PORT = 8865;

/** Processes a spec starts itself (e2e/support/processes.ts), each spec on its own pair. */
export const CRASH_PORTS = { dashboard: 3101, warehouse: 8866 } as const;
export const SECURITY_PORTS = { dashboard: 3102, warehouse: 8867 } as const;
export const SOAK_PORTS = { dashboard: 3103, warehouse: 8868 } as const;
