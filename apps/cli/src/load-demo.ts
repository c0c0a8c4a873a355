import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@anslag/config';
import { dataSourceOptions } from '@anslag/database';
import { DemoLoader, DemoPayments, loadDemoData, loadDemoPayments } from '@anslag/demo';

async function main(): Promise<void> {
  const config = loadConfig();
  const ds = new DataSource(dataSourceOptions(config.DATABASE_URL));
  await ds.initialize();
  try {
    // The JSON files stay in the source tree (dist/ holds only compiled code).
    const dir = join(__dirname, '..', '..', '..', '..', 'libs', 'demo', 'data');
    const data = loadDemoData(dir);
    const r = await new DemoLoader(ds).load(data, config.DEMO_PASSWORD);
    console.log(`Demodata: ${r.organisations} organisationer, ${r.cases} nya ärenden.`);
    const pay = await new DemoPayments(ds).load(loadDemoPayments(dir));
    console.log(
      `Utbetalningar: ${pay.grants} nya stöd följda till utbetalning, ${pay.payments} utbetalningar gjorda.`,
    );
    console.log(
      `Demokonton (lösenord: ${config.DEMO_PASSWORD === 'demo' ? 'demo' : 'värdet av DEMO_PASSWORD'}):`,
    );
    for (const u of data.users)
      console.log(`  ${u.username.padEnd(18)} ${u.role.padEnd(17)} ${u.displayName}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
