import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The texts a report's title carries about the region: its name and the committee it reports to. */
export interface RegionHeader {
  regionName: string;
  committee: string;
}

/** Reads the region profile (region_setting 'region'): another region's deployment brings its own. */
@Injectable()
export class RegionHeaderService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(): Promise<RegionHeader> {
    const rows: { value: { name?: unknown; organisation?: { committee?: unknown } } }[] = await this.db.query(
      `SELECT value FROM region_setting WHERE key = 'region'`,
    );
    const value = rows[0]?.value;
    return {
      regionName: typeof value?.name === 'string' ? value.name : '',
      committee: typeof value?.organisation?.committee === 'string' ? value.organisation.committee : '',
    };
  }
}
