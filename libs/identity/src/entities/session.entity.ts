import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type SignInMethod = 'e-legitimation' | 'personal-oidc' | 'losenord';

/**
 * A browser session. The cookie holds a random value; only its SHA-256 is stored, so a copy of the table
 * opens no session. It lives SESSION_IDLE_SECONDS past the last request, never past absoluteExpiresAt.
 */
@Entity('session')
@Index(['accountId'])
export class Session {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ type: 'uuid' }) accountId: string;
  @Column({ type: 'text' }) csrfToken: string;
  @Column({ type: 'text' }) method: SignInMethod;
  @Column({ type: 'text', nullable: true }) acr: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz' }) absoluteExpiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) endedAt: Date | null;
}
