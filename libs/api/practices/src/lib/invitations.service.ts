import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@parley/api/audit';
import {
  assertPasswordAcceptable,
  hashPassword,
  MembershipEntity,
  MembershipsService,
  normaliseEmail,
  type SignedIn,
  TokensService,
  UserEntity,
  verifyPassword,
  hashToken,
} from '@parley/api/auth';
import {
  ConflictError,
  Database,
  InputError,
  NotFoundError,
  PARLEY_CONFIG,
  type ParleyConfig,
  type RequestContext,
  UnauthenticatedError,
  type UnitOfWork,
} from '@parley/api/core';
import { isPracticeRole, Role } from '@parley/shared/domain';
import { randomBytes } from 'node:crypto';
import { IsNull } from 'typeorm';
import { MailerService } from './mailer.service';
import { IcbEntity, InvitationEntity, PracticeEntity } from './practice.entities';
import type { Invitation, InvitationIssued, InvitationPreview } from './practices.types';

export const INVITATION_TTL_DAYS = 7;

interface InvitationRequest {
  email: string;
  name: string;
  role: Role;
  practiceId: string | null;
  icbId: string | null;
}

/** Single-use, expiring links that give a person a membership when accepted. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly database: Database,
    private readonly tokens: TokensService,
    private readonly memberships: MembershipsService,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {}

  /** Platform admins invite a practice's first manager. */
  async invitePracticeManager(
    ctx: RequestContext,
    practiceId: string,
    email: string,
    name: string,
  ): Promise<InvitationIssued> {
    return this.issue(ctx.withActivePractice(practiceId), {
      email,
      name,
      role: Role.PracticeManager,
      practiceId,
      icbId: null,
    });
  }

  /** Managers invite staff or another manager to the active practice. */
  invite(ctx: RequestContext, email: string, name: string, role: Role): Promise<InvitationIssued> {
    if (!isPracticeRole(role))
      throw new InputError('role must be PracticeManager or PracticeStaff.', 'role');
    return this.issue(ctx, { email, name, role, practiceId: ctx.practiceId, icbId: null });
  }

  /** Pending invitations of the active practice. */
  async pending(ctx: RequestContext): Promise<Invitation[]> {
    const rows = await this.database.run(ctx, (uow) =>
      uow.repo(InvitationEntity).find({
        where: { practiceId: ctx.practiceId, acceptedAt: IsNull(), revokedAt: IsNull() },
        order: { createdAt: 'DESC' },
      }),
    );
    return rows.filter((r) => r.expiresAt.getTime() > Date.now()).map(toInvitation);
  }

  async revoke(ctx: RequestContext, invitationId: string): Promise<void> {
    await this.database.run(ctx, async (uow) => {
      const result = await uow.repo(InvitationEntity).update(
        {
          id: invitationId,
          practiceId: ctx.practiceId,
          acceptedAt: IsNull(),
          revokedAt: IsNull(),
        },
        { revokedAt: new Date() },
      );
      if (!result.affected) throw new NotFoundError('The invitation');
      await this.audit.practice(ctx, uow, {
        action: 'invitation.revoked',
        entityType: 'invitation',
        entityId: invitationId,
      });
    });
  }

  /** What an invitation link is for; null when it is unknown, used, revoked or expired. */
  preview(ctx: RequestContext, token: string): Promise<InvitationPreview | null> {
    return this.database.run(ctx, async (uow) => {
      const invitation = await this.usable(uow, token);
      if (!invitation) return null;
      return {
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        placeName: await this.placeName(uow, invitation),
        expiresAt: invitation.expiresAt,
      };
    });
  }

  /**
   * Accepts an invitation: creates the account (or, for an existing account, checks its
   * password), adds the membership and signs the person in. The link works once.
   */
  async accept(
    ctx: RequestContext,
    token: string,
    password: string,
    name?: string | null,
  ): Promise<SignedIn> {
    return this.database.run(ctx, async (uow) => {
      const invitation = await this.usable(uow, token, true);
      if (!invitation) throw new NotFoundError('The invitation (it may have expired or been used)');
      const users = uow.repo(UserEntity);
      let user = await users.findOneBy({ email: invitation.email });
      if (user?.passwordHash) {
        if (!(await verifyPassword(user.passwordHash, password))) {
          throw new UnauthenticatedError(
            'This email already has a Parley account: enter its password to accept.',
          );
        }
      } else {
        assertPasswordAcceptable(password);
        const passwordHash = await hashPassword(password);
        if (user)
          await users.update({ id: user.id }, { passwordHash, name: name?.trim() || user.name });
        else
          user = await users.save(
            users.create({
              email: invitation.email,
              name: name?.trim() || invitation.name,
              passwordHash,
            }),
          );
      }
      const userId = user.id;
      await uow.query(
        `INSERT INTO memberships (user_id, role, practice_id, icb_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT ON CONSTRAINT memberships_unique DO NOTHING`,
        [userId, invitation.role, invitation.practiceId, invitation.icbId],
      );
      await uow.repo(InvitationEntity).update({ id: invitation.id }, { acceptedAt: new Date() });
      const fresh = await users.findOneByOrFail({ id: userId });
      return {
        tokens: await this.tokens.issue(uow, userId),
        user: fresh,
        memberships: await this.memberships.loadIn(uow, userId),
      };
    });
  }

  private async issue(ctx: RequestContext, request: InvitationRequest): Promise<InvitationIssued> {
    const email = normaliseEmail(request.email);
    const token = randomBytes(32).toString('base64url');
    const { invitation, placeName } = await this.database.run(ctx, async (uow) => {
      if (request.practiceId) {
        const practice = await uow.repo(PracticeEntity).findOneBy({ id: request.practiceId });
        if (!practice) throw new NotFoundError('The practice');
        const already = await uow
          .repo(MembershipEntity)
          .count({ where: { practiceId: practice.id, userId: await this.userIdOf(uow, email) } });
        if (already > 0)
          throw new ConflictError('This person is already a member of the practice.', 'email');
      }
      const repo = uow.repo(InvitationEntity);
      const saved = await repo.save(
        repo.create({
          tokenHash: hashToken(token),
          email,
          name: request.name.trim(),
          role: request.role,
          practiceId: request.practiceId,
          icbId: request.icbId,
          invitedBy: ctx.userId as string,
          expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
          acceptedAt: null,
          revokedAt: null,
        }),
      );
      const entry = {
        action: 'invitation.created',
        entityType: 'invitation',
        entityId: saved.id,
        details: { role: saved.role },
      };
      if (saved.practiceId) await this.audit.practice(ctx, uow, entry);
      else await this.audit.platform(ctx, uow, entry);
      return { invitation: saved, placeName: await this.placeName(uow, saved) };
    });
    const acceptUrl = `${this.config.publicUrl}/invitations/${token}`;
    const emailed = await this.mailer.send(
      email,
      `You are invited to ${placeName} on Parley`,
      `Hello ${invitation.name},\n\nYou have been invited to join ${placeName} on Parley.\n` +
        `Accept within ${INVITATION_TTL_DAYS} days: ${acceptUrl}\n\nThe link works once.`,
    );
    return { invitation: toInvitation(invitation), emailed, acceptUrl: emailed ? null : acceptUrl };
  }

  private async userIdOf(uow: UnitOfWork, email: string): Promise<string> {
    const user = await uow.repo(UserEntity).findOneBy({ email });
    // A random id matches no membership when the person has no account yet.
    return user?.id ?? '00000000-0000-0000-0000-000000000000';
  }

  private async usable(
    uow: UnitOfWork,
    token: string,
    lock = false,
  ): Promise<InvitationEntity | null> {
    const invitation = await uow.repo(InvitationEntity).findOne({
      where: { tokenHash: hashToken(token) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (
      !invitation ||
      invitation.acceptedAt ||
      invitation.revokedAt ||
      invitation.expiresAt.getTime() <= Date.now()
    )
      return null;
    return invitation;
  }

  private async placeName(uow: UnitOfWork, invitation: InvitationEntity): Promise<string> {
    if (invitation.practiceId)
      return (await uow.repo(PracticeEntity).findOneByOrFail({ id: invitation.practiceId })).name;
    if (invitation.icbId)
      return (await uow.repo(IcbEntity).findOneByOrFail({ id: invitation.icbId })).name;
    return 'Parley';
  }
}

function toInvitation(i: InvitationEntity): Invitation {
  return {
    id: i.id,
    email: i.email,
    name: i.name,
    role: i.role,
    expiresAt: i.expiresAt,
    acceptedAt: i.acceptedAt,
    createdAt: i.createdAt,
  };
}
