import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CatalogueKind =
  'cost_category' | 'financier' | 'aid_form' | 'aid_subform' | 'application_section' | 'attachment_type';
export const CATALOGUE_KINDS: CatalogueKind[] = [
  'cost_category',
  'financier',
  'aid_form',
  'aid_subform',
  'application_section',
  'attachment_type',
];

/**
 * The small catalogues an administrator maintains: budget cost categories, financiers
 * (with their sector), aid forms (stödformer, with sub-forms as `parent`), the application's
 * sections and the attachment types.
 */
@Entity('catalogue_entry')
export class CatalogueEntry {
  @PrimaryColumn({ type: 'text' }) kind: CatalogueKind;
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  /** For financiers: 'offentlig' or 'privat'. */
  @Column({ type: 'text', nullable: true }) sector: 'offentlig' | 'privat' | null;
  /** For financiers: the region's own grant money (1:1, rambudget): what the application asks of the region. */
  @Column({ type: 'boolean', default: false }) regionGrant: boolean;
  /** For sub-forms: the aid form they belong to. */
  @Column({ type: 'text', nullable: true }) parent: string | null;
  @Column({ type: 'text', nullable: true }) description: string | null;
  /** Sections and attachment types: the tracks ('projekt', 'foretagsstod') they belong to. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tracks: string[];
  /**
   * Sections and attachment types: where they are required for submission, as a track ('projekt') or
   * an aid form ('foretagsstod:mikrobidrag').
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) requiredFor: string[];
  @Column({ type: 'boolean', default: true }) active: boolean;
  @Column({ type: 'integer', default: 0 }) sortOrder: number;
}
