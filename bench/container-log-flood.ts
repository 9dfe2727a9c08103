/**
 * Memory of the local warehouse, in its own process, while one job service container floods
 * its log: the container runs `yes 'a chatty container line'` for FLOOD_SECONDS (default 150).
 * Its lines reach the warehouse faster than the disk takes them; the warehouse's resident
 * memory must stay bounded (the container log drops what it cannot hold, and says so). Prints
 * the warehouse's RSS before, at its peak (sampled every 100 ms off the main thread) and after,
 * and how many lines were dropped over the run, read from the markers in the job's log files.
 *
 * Run: npm run bench:log-flood (FLOOD_SECONDS=30 for a shorter flood)
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect, destroy, execute } from '@/lib/warehouse/sdk';
import { residentMiB } from './cpu';
import { startWarehouseProcess } from './local-warehouse-process';
import { sampleRss } from './rss-sampler';

const FLOOD_SECONDS = Number(process.env.FLOOD_SECONDS ?? 150);
const JOB = 'CHATTY';

const warehouse = await startWarehouseProcess();
const imageDir = path.join(warehouse.dataDir, 'images', 'chatty');
await mkdir(imageDir, { recursive: true });
await writeFile(
  path.join(imageDir, 'image.json'),
  JSON.stringify({ entrypoint: ['sh', '-c', `timeout ${FLOOD_SECONDS} yes 'a chatty container line'; exit 0`] }),
);
const connection = await connect({ accessUrl: `http://127.0.0.1:${warehouse.port}`, account: 'local', username: 'bench', password: 'bench' });
try {
  await execute(connection, 'CREATE COMPUTE POOL FLOOD MIN_NODES = 1 MAX_NODES = 1 INSTANCE_FAMILY = CPU_X64_S');
  const before = residentMiB(warehouse.pid);
  const sampler = sampleRss(warehouse.pid, 100);
  await execute(
    connection,
    `EXECUTE JOB SERVICE IN COMPUTE POOL FLOOD NAME = ${JOB} ASYNC = TRUE FROM SPECIFICATION $$\n` +
      'spec:\n  containers:\n  - name: main\n    image: /db/schema/repo/chatty:latest\n$$',
  );
  let status = '';
  while (status !== 'DONE' && status !== 'FAILED') {
    await sleep(1000);
    const [row] = (await execute(connection, `SHOW JOB SERVICES LIKE '${JOB}'`)).rows as { status: string }[];
    status = row.status;
  }
  const { peakMiB, samples } = await sampler.stop();
  const after = residentMiB(warehouse.pid);

  let dropped = 0;
  let markers = 0;
  for (const file of await readdir(warehouse.dataDir, { recursive: true })) {
    if (!/\/logs\/.*\.log(\.1)?$/.test(file)) continue;
    for (const match of (await readFile(path.join(warehouse.dataDir, file), 'utf8')).matchAll(/\[flurry\] (\d+) lines? dropped/g)) {
      dropped += Number(match[1]);
      markers += 1;
    }
  }
  console.log(`Local warehouse memory during a \`yes\` flood of ${FLOOD_SECONDS} s — node ${process.version}; job ended ${status}\n`);
  console.log('warehouse RSS before | peak | after | RSS samples');
  console.log('-------------------: | ---: | ----: | ----------:');
  console.log(`${before.toFixed(0)} MiB | ${peakMiB.toFixed(0)} MiB | ${after.toFixed(0)} MiB | ${samples}`);
  console.log(`\nDrop markers in the kept log files: ${markers}, saying ${dropped.toLocaleString('en')} lines dropped in all.`);
} finally {
  await destroy(connection);
  await warehouse.stop();
}
