import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { kronorTransformer } from '@anslag/database';

/** Authorised payments collected for the finance system: a pain.001 file and the accounting CSV. */
@Entity('payment_batch')
export class PaymentBatch {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) messageId: string;
  @Column({ type: 'date' }) executionDate: string;
  @Column({ type: 'integer' }) count: number;
  @Column({ type: 'bigint', transformer: kronorTransformer }) total: number;
  @Column({ type: 'bytea' }) pain001: Buffer;
  @Column({ type: 'text' }) pain001Sha256: string;
  @Column({ type: 'bytea' }) csv: Buffer;
  @Column({ type: 'uuid' }) createdBy: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
