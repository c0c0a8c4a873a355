import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

@Entity('attachment')
@Index(['caseId', 'createdAt'])
export class Attachment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) caseId: string;
  @ManyToOne('GrantCase', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'case_id' })
  private readonly caseRef?: unknown;
  @Column({ type: 'text' }) filename: string;
  @Column({ type: 'text' }) contentType: string;
  /** The attachment type's code from the catalogue (e.g. an offer, the annual accounts), when given. */
  @Column({ type: 'text', nullable: true }) type: string | null;
  @Column({ type: 'integer' }) size: number;
  @Column({ type: 'text' }) sha256: string;
  @Column({ type: 'bytea', select: false }) content: Buffer;
  @Column({ type: 'text', nullable: true }) secrecyMarking: string | null;
  @Column({ type: 'uuid', nullable: true }) uploadedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
