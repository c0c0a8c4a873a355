import { DataSource } from 'typeorm';

/** Row counts of the given tables, to show that a refused request changed nothing. */
export async function tableCounts(ds: DataSource, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await ds.query(`SELECT count(*)::int AS n FROM "${t}"`);
    out[t] = row.n;
  }
  return out;
}
