import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { kronorTransformer } from '@anslag/database';
import { GrantCase } from './grant-case.entity';

/**
 * Other de minimis aid the applicant declares for the single undertaking ("ett enda företag": the
 * applicant and the organisations linked to it), with the regulation it was granted under.
 */
@Entity('de_minimis_declaration')
@Index(['caseId'])
@Check('chk_de_minimis_declaration_currency', `currency IN ('SEK', 'EUR')`)
export class DeMinimisDeclaration {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid' }) caseId: string;

  @ManyToOne(() => GrantCase, (c) => c.deMinimis, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  grantCase?: Relation<GrantCase>;

  @Column({ type: 'text' }) grantor: string;
  @Column({ type: 'date' }) grantedOn: string;
  /** Whole units of the currency. */
  @Column({ type: 'bigint', transformer: kronorTransformer }) amount: number;
  @Column({ type: 'text' }) currency: 'SEK' | 'EUR';
  /** The regulation the aid was granted under ("(EU) nr 1407/2013", "(EU) nr 360/2012" …); null: not stated. */
  @Column({ type: 'text', nullable: true }) regulation: string | null;
  /** The organisation of the single undertaking that received it, when not the applicant. */
  @Column({ type: 'text', nullable: true }) recipient: string | null;
}
