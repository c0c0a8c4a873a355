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

export type BudgetKind = 'cost' | 'financing' | 'in_kind';

/**
 * One amount of a case's budget. Projects: a cost category or a financier in a calendar year.
 * Company support: a cost line of the investment or purchase (year null, with its cost type and date).
 */
@Entity('budget_line')
@Index(['caseId', 'kind'])
@Check('chk_budget_line_kind', `kind IN ('cost', 'financing', 'in_kind')`)
export class BudgetLine {
  @PrimaryGeneratedColumn('uuid') id: string;

  @Column({ type: 'uuid' }) caseId: string;

  @ManyToOne(() => GrantCase, (c) => c.budgetLines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  grantCase?: Relation<GrantCase>;

  @Column({ type: 'text' }) kind: BudgetKind;

  /** Cost category or financier code from the catalogue; for in-kind lines, the contributor's name. */
  @Column({ type: 'text' }) code: string;

  @Column({ type: 'text', nullable: true }) label: string | null;

  @Column({ type: 'integer', nullable: true }) year: number | null;

  @Column({ type: 'bigint', transformer: kronorTransformer }) amount: number;

  /** Financing: 'kontant' or 'arbetad_tid'. */
  @Column({ type: 'text', nullable: true }) financingForm: 'kontant' | 'arbetad_tid' | null;

  /** Company cost lines: machine, building, consultancy, vehicle, leasing … (rules decide what is eligible). */
  @Column({ type: 'text', nullable: true }) costType: string | null;

  /** Company cost lines: the date of an order or invoice, to flag work started before the application. */
  @Column({ type: 'date', nullable: true }) dated: string | null;

  @Column({ type: 'integer', default: 0 }) position: number;
}
