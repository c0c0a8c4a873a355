import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Work to hand to the queue, written in the same transaction as the change that causes it. The worker's
 * relay moves rows to BullMQ; (topic, aggregate) is unique, so a decision has one letter row.
 */
@Entity('outbox')
@Index(['topic', 'aggregateId'], { unique: true })
@Index('idx_outbox_pending', ['id'], { where: 'relayed_at IS NULL' })
export class OutboxRow {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ type: 'text' }) topic: string;
  @Column({ type: 'uuid' }) aggregateId: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) payload: object;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) relayedAt: Date | null;
}
