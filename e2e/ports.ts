/** Where the end-to-end tests run the dashboard, and its local warehouse (a test may connect a second client to it). */
export const PORT = 3100;
export const WAREHOUSE_PORT = 8865;
