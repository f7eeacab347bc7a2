import { Injectable } from '@nestjs/common';
import { ChannelsService } from '@parley/api/channels';
import type { UnitOfWork } from '@parley/api/core';
import { EscalationSettingsService } from '@parley/api/escalation';
import {
  channelHref,
  checkPolicy,
  escalationStepsWording,
  type PolicyDocument,
  type PracticeChannel,
  type RenderContext,
  renderInlineText,
  renderPolicy,
  templateValues,
  toRenderChannel,
} from '@parley/shared/policy-render';
import type { PolicyWarning, PublicChannel } from './policy.types';
import { sanitizePolicyHtml } from './safe-html';

/** A document rendered for one practice: what a preview shows and what publishing freezes. */
export interface ComposedPolicy {
  practiceName: string;
  title: string;
  html: string;
  text: string;
  warnings: PolicyWarning[];
  /** The switched-on channels, as the public sees them. */
  channels: PublicChannel[];
}

/** Renders with the shared renderer, sanitises, and runs the policy check, all from one context. */
export function composePolicy(
  document: PolicyDocument,
  practiceName: string,
  effectiveDate: string,
  channels: readonly PracticeChannel[],
  escalationSteps: string[],
): ComposedPolicy {
  const ctx: RenderContext = {
    practiceName,
    effectiveDate,
    channels: channels.map(toRenderChannel),
    escalationSteps,
  };
  const rendered = renderPolicy(document, ctx);
  const enabled = channels.filter((c) => c.enabled);
  return {
    practiceName,
    title: renderInlineText(document.title, templateValues(ctx)),
    html: sanitizePolicyHtml(rendered.html),
    text: rendered.text,
    warnings: checkPolicy(document, { ...ctx, enabledChannelKinds: enabled.map((c) => c.kind) }),
    channels: enabled.map((c) => ({
      kind: c.kind,
      label: c.label,
      instructions: c.instructions ?? null,
      href: channelHref(c.kind, c.address),
    })),
  };
}

/**
 * Loads what a rendering needs (practice name, current channels, the escalation ladder in force)
 * inside the caller's unit of work.
 */
@Injectable()
export class PolicyComposer {
  constructor(
    private readonly channels: ChannelsService,
    private readonly escalation: EscalationSettingsService,
  ) {}

  async compose(
    uow: UnitOfWork,
    document: PolicyDocument,
    effectiveDate: string,
  ): Promise<ComposedPolicy> {
    const [practice] = await uow.query<{ name: string }>(
      'SELECT name FROM practices WHERE id = $1',
      [uow.practiceId],
    );
    const channels = await this.channels.practiceChannelsIn(uow);
    return composePolicy(
      document,
      practice.name,
      effectiveDate,
      channels,
      await this.escalationStepsIn(uow),
    );
  }

  /**
   * The practice's escalation ladder in force, as policy wording. A published snapshot keeps the
   * wording of its day: a later change of settings shows after the next publish.
   */
  async escalationStepsIn(uow: UnitOfWork): Promise<string[]> {
    const { settings } = await this.escalation.inForceIn(uow);
    return escalationStepsWording(settings.ladder);
  }
}
