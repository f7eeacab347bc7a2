import type { Role } from '@parley/shared/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('icbs')
export class IcbEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') slug!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('practices')
export class PracticeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'icb_id' }) icbId!: string;
  @Column('text') name!: string;
  @Column('text') slug!: string;
  @Column('integer', { name: 'list_size' }) listSize!: number;
  @Column('text', { name: 'ods_code', nullable: true }) odsCode!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Only a hash of the token is kept; the link itself is shown or emailed once. */
@Entity('invitations')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text', { name: 'token_hash' }) tokenHash!: string;
  @Column('text') email!: string;
  @Column('text') name!: string;
  @Column('text') role!: Role;
  @Column('uuid', { name: 'practice_id', nullable: true }) practiceId!: string | null;
  @Column('uuid', { name: 'icb_id', nullable: true }) icbId!: string | null;
  @Column('uuid', { name: 'invited_by' }) invitedBy!: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt!: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

export const PRACTICE_ENTITIES = [IcbEntity, PracticeEntity, InvitationEntity];
