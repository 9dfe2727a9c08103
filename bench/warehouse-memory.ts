/**
 * Memory of the local warehouse over thousands of queries: each query's result is written to
 * disk and only queued or running queries stay in memory, so resident memory should level off
 * after warm-up instead of growing with the number of queries run. Prints the warehouse
 * process's RSS every 500 queries.
 *
 * Run: npm run bench:memory
 */
import { connect, destroy, execute } from '@/lib/warehouse/sdk';
import { residentMiB } from './cpu';
import { startWarehouseProcess } from './local-warehouse-process';

const TOTAL = 3000;
const IN_FLIGHT = 8;
const SQL = "SELECT SEQ4() AS N, REPEAT('x', 100) AS PAYLOAD FROM TABLE(GENERATOR(ROWCOUNT => 1000))";

const warehouse = await startWarehouseProcess();
const connection = await connect({ accessUrl: `http://127.0.0.1:${warehouse.port}`, account: 'local', username: 'bench', password: 'bench' });
console.log(`Local warehouse memory — node ${process.version}; each query returns 1,000 rows of ~110 bytes\n`);
console.log('queries run | warehouse RSS');
console.log('----------: | -----------:');
console.log(`0 | ${residentMiB(warehouse.pid).toFixed(0)} MiB`);
try {
  let done = 0;
  while (done < TOTAL) {
    await Promise.all(Array.from({ length: IN_FLIGHT }, () => execute(connection, SQL)));
    const before = done;
    done += IN_FLIGHT;
    if (Math.floor(done / 500) > Math.floor(before / 500)) console.log(`${done} | ${residentMiB(warehouse.pid).toFixed(0)} MiB`);
  }
} finally {
  await destroy(connection);
  await warehouse.stop();
}
