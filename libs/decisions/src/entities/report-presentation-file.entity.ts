import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A delegation report as presented to the nämnd, in one format, byte for byte. */
@Entity('report_presentation_file')
export class ReportPresentationFile {
  @PrimaryColumn({ type: 'uuid' }) presentationId: string;
  /** 'csv', 'csv-sv' (Swedish number format), 'xlsx', 'pdf', 'json'. */
  @PrimaryColumn({ type: 'text' }) variant: string;
  @Column({ type: 'text' }) contentType: string;
  @Column({ type: 'bytea' }) content: Buffer;
}
