import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@anslag/database';
import { PrivateDatabase } from '@anslag/testing';

/** Everything the migrations make, as the catalogue lists it. */
async function schema(ds: DataSource): Promise<string[]> {
  const rows: { what: string }[] = await ds.query(`
    SELECT 'table ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS what
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'migrations'
    UNION ALL
    SELECT 'constraint ' || conrelid::regclass || ' ' || pg_get_constraintdef(oid)
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'migrations'
    UNION ALL
    SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'migrations'
    UNION ALL
    SELECT 'function ' || proname FROM pg_proc p WHERE pronamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal
    UNION ALL
    SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'`);
  return rows.map((r) => r.what).sort();
}

describe('migrations', () => {
  let db: PrivateDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await PrivateDatabase.create(); // migrated once
    ds = new DataSource(dataSourceOptions(db.url, { entities: [] }));
    await ds.initialize();
  }, 60_000);
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('revert one by one to an empty schema and migrate again to the same schema', async () => {
    const migrated = await schema(ds);
    expect(migrated.length).toBeGreaterThan(50);
    const applied = ds.migrations.length;
    expect(applied).toBeGreaterThan(0);
    for (let i = 0; i < applied; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await schema(ds)).toEqual([]);
    expect(await ds.query('SELECT count(*)::int AS n FROM migrations')).toEqual([{ n: 0 }]);

    await ds.runMigrations({ transaction: 'each' });
    expect(await schema(ds)).toEqual(migrated);
  }, 120_000);
});
