import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, Public, type RequestContext } from '@parley/api/core';
import { Permission } from '@parley/shared/domain';
import { PolicyDraftsService } from './policy-drafts.service';
import { PolicyPublishingService } from './policy-publishing.service';
import { PolicyVersionsService } from './policy-versions.service';
import {
  PolicyDiffArgs,
  PolicyPreviewArgs,
  PolicyVersionIdArgs,
  PublicPolicyArgs,
  PublishDraftArgs,
  SaveDraftInput,
  StartDraftArgs,
} from './policy.inputs';
import { PolicyDiff, PolicyPreview, PolicyVersion, PublicPolicy } from './policy.types';
import { PublicPolicyService } from './public-policy.service';

/** Staff read the policy and its history; managers edit drafts and publish. */
@Resolver(() => PolicyVersion)
export class PolicyResolver {
  constructor(
    private readonly versions: PolicyVersionsService,
    private readonly drafts: PolicyDraftsService,
    private readonly publishing: PolicyPublishingService,
  ) {}

  @Query(() => PolicyVersion, {
    nullable: true,
    description: 'The draft being edited, rendered with the current channels.',
  })
  @Allow(Permission.PolicyRead)
  policyDraft(@Ctx() ctx: RequestContext): Promise<PolicyVersion | null> {
    return this.versions.draft(ctx);
  }

  @Query(() => PolicyVersion, {
    nullable: true,
    description: 'The published version the public sees.',
  })
  @Allow(Permission.PolicyRead)
  currentPolicy(@Ctx() ctx: RequestContext): Promise<PolicyVersion | null> {
    return this.versions.current(ctx);
  }

  @Query(() => [PolicyVersion], { description: 'Every version, newest first.' })
  @Allow(Permission.PolicyRead)
  policyVersions(@Ctx() ctx: RequestContext): Promise<PolicyVersion[]> {
    return this.versions.history(ctx);
  }

  @Query(() => PolicyVersion)
  @Allow(Permission.PolicyRead)
  policyVersion(
    @Ctx() ctx: RequestContext,
    @Args() { id }: PolicyVersionIdArgs,
  ): Promise<PolicyVersion> {
    return this.versions.version(ctx, id);
  }

  @Query(() => PolicyDiff)
  @Allow(Permission.PolicyRead)
  policyDiff(
    @Ctx() ctx: RequestContext,
    @Args() { fromId, toId }: PolicyDiffArgs,
  ): Promise<PolicyDiff> {
    return this.versions.diff(ctx, fromId, toId);
  }

  @Query(() => [String], {
    description:
      "The practice's escalation ladder in force, in the words the policy's escalation steps block shows (for the editor's live preview).",
  })
  @Allow(Permission.PolicyRead)
  policyEscalationSteps(@Ctx() ctx: RequestContext): Promise<string[]> {
    return this.versions.escalationSteps(ctx);
  }

  @Query(() => PolicyPreview, {
    description: 'Renders a document as the public would see it, without saving.',
  })
  @Allow(Permission.PolicyRead)
  policyPreview(
    @Ctx() ctx: RequestContext,
    @Args() { document, effectiveDate }: PolicyPreviewArgs,
  ): Promise<PolicyPreview> {
    return this.versions.preview(ctx, document, effectiveDate);
  }

  @Mutation(() => PolicyVersion, { description: 'Creates the draft or replaces its wording.' })
  @Allow(Permission.PolicyEdit)
  saveDraft(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SaveDraftInput,
  ): Promise<PolicyVersion> {
    return this.drafts.saveDraft(ctx, input);
  }

  @Mutation(() => PolicyVersion, {
    description: 'Starts a draft from any version (when there is no draft).',
  })
  @Allow(Permission.PolicyEdit)
  startDraftFrom(
    @Ctx() ctx: RequestContext,
    @Args() { versionId }: StartDraftArgs,
  ): Promise<PolicyVersion> {
    return this.drafts.startDraftFrom(ctx, versionId);
  }

  @Mutation(() => Boolean)
  @Allow(Permission.PolicyEdit)
  async discardDraft(@Ctx() ctx: RequestContext): Promise<boolean> {
    await this.drafts.discardDraft(ctx);
    return true;
  }

  @Mutation(() => PolicyVersion, {
    description: 'Publishes the draft, freezing it with the current channels.',
  })
  @Allow(Permission.PolicyPublish)
  publishDraft(
    @Ctx() ctx: RequestContext,
    @Args() { expectedDraftId }: PublishDraftArgs,
  ): Promise<PolicyVersion> {
    return this.publishing.publishDraft(ctx, expectedDraftId);
  }
}

/** The published policy for anyone, signed in or not. */
@Resolver(() => PublicPolicy)
export class PublicPolicyResolver {
  constructor(private readonly publicPolicies: PublicPolicyService) {}

  @Query(() => PublicPolicy, {
    nullable: true,
    description: 'null for an unknown practice or one with nothing published.',
  })
  @Public()
  async publicPolicy(
    @Ctx() ctx: RequestContext,
    @Args() { practiceSlug }: PublicPolicyArgs,
  ): Promise<PublicPolicy | null> {
    return (await this.publicPolicies.bySlug(ctx, practiceSlug))?.policy ?? null;
  }
}
