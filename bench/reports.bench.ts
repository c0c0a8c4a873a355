/**
 * The delegation report's CSV export over 100 000 decisions, through the service (cursor → rows → writer),
 * against PostgreSQL's own `COPY (the same query) TO STDOUT` of the same rows; and the resident memory
 * while exporting, which must stay flat (under 300 MB). Runs in a scratch database of its own, dropped after.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { BenchResult } from './bench-result';
import { dataSourceOptions } from '../libs/database/src/data-source-options';
import { DelegationReportService } from '../libs/reports/src/delegation/delegation-report.service';
import { DELEGATION_REPORT_SQL } from '../libs/reports/src/delegation/delegation-report.query';
import { RegionHeaderService } from '../libs/reports/src/shared/region-header.service';
import type { ReportFormat } from '../libs/reports/src/shared/formats';

const DECISIONS = 100_000;
const ORGANISATIONS = 5_000;
const FROM = '2031-01-01';
const TO = '2031-12-31';
const RUNS = 3;
const RSS_LIMIT_MB = 300;

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** A sink that counts bytes and throws them away. */
function sink(): { stream: Writable; bytes: () => number } {
  let n = 0;
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      n += chunk.length;
      cb();
    },
  });
  return { stream, bytes: () => n };
}

export async function seed(ds: DataSource): Promise<void> {
  await ds.query(`INSERT INTO municipality (code, name) VALUES ('1880','Örebro'),('1881','Kumla'),('1885','Lindesberg'),
    ('1864','Ljusnarsberg'),('1882','Askersund'),('1861','Hallsberg') ON CONFLICT DO NOTHING`);
  await ds.query(`INSERT INTO catalogue_entry (kind, code, name, parent) VALUES ('aid_form','konsultcheck','Konsulttjänst',NULL),
    ('aid_form','mikrobidrag','Mikrobidrag',NULL),('aid_form','kommersiell_service','Kommersiell service',NULL),
    ('aid_form','driftstod','Kommersiell service/Driftstöd','kommersiell_service') ON CONFLICT DO NOTHING`);
  await ds.query(`INSERT INTO delegation_point (point, title, decision_maker_title, tracks, valid_from) VALUES
    ('3.2','Beslut om regionala utvecklingsstöd','Förvaltningschef','{projekt}','2019-01-01'),
    ('3.3','Beslut om företagsstöd','Områdeschef för näringslivsutveckling','{foretagsstod}','2019-01-01')`);
  await ds.query(
    `INSERT INTO organisation (organisationsnummer, name, street_address, postal_code, city, kommun_code, legal_form, run_by, bransch)
     SELECT lpad(i::text, 10, '0'), 'Företaget ' || i || ' AB', 'Storgatan ' || i, '70211', 'Örebro',
            (ARRAY['1880','1881','1885','1864','1882','1861'])[1 + i % 6], 'Aktiebolag',
            (ARRAY['kvinnor','man','bada',NULL])[1 + i % 4], 'Bransch nummer ' || (i % 97)
     FROM generate_series(1, $1::int) i`,
    [ORGANISATIONS],
  );
  await ds.query(
    `WITH orgs AS (SELECT id, row_number() OVER (ORDER BY organisationsnummer) AS n FROM organisation)
     INSERT INTO grant_case (diarienummer, nyps_id, track, status, organisation_id, title, aid_form, aid_subform, version)
     SELECT '31RS' || i, CASE WHEN i % 50 = 0 THEN '214557' END, 'foretagsstod', 'beslutad', o.id, 'Ärende ' || i,
            (ARRAY['konsultcheck','mikrobidrag','kommersiell_service'])[1 + i % 3],
            CASE WHEN i % 3 = 2 AND i % 2 = 0 THEN 'driftstod' END, 1
     FROM generate_series(1, $1::int) i JOIN orgs o ON o.n = 1 + i % $2::int`,
    [DECISIONS, ORGANISATIONS],
  );
  await ds.query(
    `INSERT INTO decision (case_id, status, outcome, amount, rejection_grounds, aid_form, frame, decision_date,
       delegation_point, signed_by_name, signed_by_title, signed_at, version)
     SELECT gc.id, 'signerat', CASE WHEN n % 20 = 0 THEN 'avslag' ELSE 'bifall' END,
            CASE WHEN n % 20 = 0 THEN NULL ELSE 5000 + (n * 7919) % 500000 END,
            CASE WHEN n % 20 = 0 THEN 'Uppfyller ej villkor' END,
            gc.aid_form || COALESCE('/' || gc.aid_subform, ''), 'foretagsstod',
            DATE '2031-01-01' + (n % 365)::int, CASE WHEN n % 10 = 0 THEN '3.2' ELSE '3.3' END,
            'Kristina Eklöf', 'Områdeschef', now(), 1
     FROM (SELECT id, aid_form, aid_subform, row_number() OVER (ORDER BY diarienummer) AS n FROM grant_case) gc`,
  );
  await ds.query('ANALYZE');
}

/** Rows per second and peak resident memory of one export through the service. */
async function serviceExport(svc: DelegationReportService, format: ReportFormat) {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const start = process.hrtime.bigint();
  const file = await svc.export({ from: FROM, to: TO, point: null, onlyUnreported: false, format });
  const out = sink();
  await pipeline(file.stream, out.stream);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(timer);
  return { rate: DECISIONS / seconds, peak: Math.max(peak, process.memoryUsage.rss()), bytes: out.bytes() };
}

/** The same query's rows written by PostgreSQL itself as CSV. */
async function copyExport(url: string): Promise<{ rate: number; bytes: number }> {
  const sql = DELEGATION_REPORT_SQL.replace(/\$1/g, `'${FROM}'`)
    .replace(/\$2/g, `'${TO}'`)
    .replace(/\$3/g, 'NULL')
    .replace(/\$4/g, 'false')
    .replace(/\$5/g, 'NULL');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const start = process.hrtime.bigint();
    const out = sink();
    await pipeline(
      client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, DELIMITER ';', HEADER)`)),
      out.stream,
    );
    return { rate: DECISIONS / (Number(process.hrtime.bigint() - start) / 1e9), bytes: out.bytes() };
  } finally {
    await client.end();
  }
}

const best = <T extends { rate: number }>(runs: T[]) => runs.reduce((a, b) => (b.rate > a.rate ? b : a));

export async function run(): Promise<BenchResult[]> {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/anslag');
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const name = `anslag_bench_reports_${randomBytes(3).toString('hex')}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  const adminClient = new Client({ connectionString: admin.toString() });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE "${name}"`);
  const ds = new DataSource(dataSourceOptions(url.toString(), { entities: [], extra: { max: 4 } }));
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await seed(ds);
    const svc = new DelegationReportService(ds, new RegionHeaderService(ds));

    await serviceExport(svc, 'csv'); // warm-up: JIT, pool, PostgreSQL's caches
    await copyExport(url.toString());
    const rssBefore = process.memoryUsage.rss();
    const csv: Awaited<ReturnType<typeof serviceExport>>[] = [];
    const copy: Awaited<ReturnType<typeof copyExport>>[] = [];
    for (let i = 0; i < RUNS; i++) {
      csv.push(await serviceExport(svc, 'csv'));
      copy.push(await copyExport(url.toString()));
    }
    const xlsx = await serviceExport(svc, 'xlsx');
    const pdf = await serviceExport(svc, 'pdf');
    const c = best(csv);
    const k = best(copy);
    const memory = (format: string, peak: number): BenchResult => ({
      name: `peak resident memory of the process while exporting ${DECISIONS} decisions as ${format} vs the ${RSS_LIMIT_MB} MB limit`,
      figure: mb(peak),
      unit: 'MiB',
      ceiling: RSS_LIMIT_MB,
      ratio: mb(peak) / RSS_LIMIT_MB,
      note: `below 1 is within the limit; one process, formats in this order, resident before the measured runs ${mb(rssBefore)} MiB`,
    });
    return [
      {
        name: `delegation report CSV export of ${DECISIONS} decisions through the service vs COPY (same query) TO STDOUT`,
        figure: Math.round(c.rate),
        unit: 'rows/s',
        ceiling: Math.round(k.rate),
        ratio: c.rate / k.rate,
        note: `best of ${RUNS}; ${mb(c.bytes)} MiB of CSV vs ${mb(k.bytes)} MiB from COPY; aim ≥ 0.9`,
      },
      {
        name: `delegation report XLSX export of ${DECISIONS} decisions vs the CSV export`,
        figure: Math.round(xlsx.rate),
        unit: 'rows/s',
        ceiling: Math.round(c.rate),
        ratio: xlsx.rate / c.rate,
        note: `${mb(xlsx.bytes)} MiB workbook, streamed`,
      },
      {
        name: `delegation report PDF export of ${DECISIONS} decisions vs the CSV export`,
        figure: Math.round(pdf.rate),
        unit: 'rows/s',
        ceiling: Math.round(c.rate),
        ratio: pdf.rate / c.rate,
        note: `${mb(pdf.bytes)} MiB PDF, streamed page by page`,
      },
      memory('CSV', Math.max(...csv.map((r) => r.peak))),
      memory('XLSX', xlsx.peak),
      memory('PDF', pdf.peak),
    ];
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await adminClient.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await adminClient.end();
  }
}
