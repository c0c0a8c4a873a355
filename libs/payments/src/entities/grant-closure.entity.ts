import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { kronorTransformer } from '@anslag/database';

/** A grant closed after its final payment: what was paid in all, and what was released from the frame. */
@Entity('grant_closure')
export class GrantClosure {
  @PrimaryColumn({ type: 'uuid' }) decisionId: string;
  @Column({ type: 'uuid' }) caseId: string;
  @Column({ type: 'date' }) closedOn: string;
  @Column({ type: 'bigint', transformer: kronorTransformer }) paidTotal: number;
  @Column({ type: 'bigint', transformer: kronorTransformer }) released: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
