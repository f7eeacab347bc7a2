import {
  checkPolicy,
  type PolicyDocument,
  type PolicyWarning,
  type PracticeChannel,
  type RenderContext,
  renderPolicyHtml,
  toRenderChannel,
} from '@parley/shared/policy-render';
import type { ChannelFieldsFragment } from './generated/graphql';

export interface LivePolicy {
  /** The HTML fragment from the shared renderer (Angular sanitises it again when bound). */
  html: string | null;
  warnings: PolicyWarning[];
  /** Why there is no preview, e.g. an effective date that is not a date. */
  problem: string | null;
}

/**
 * The draft as the public will see it and what the policy check says about it, computed in the
 * browser with the same renderer and check the API uses when publishing, against the practice's
 * current channels and escalation ladder (its sentences come from the API, worded by the same
 * shared function that words a published version).
 */
export function livePolicy(
  document: PolicyDocument,
  effectiveDate: string,
  practiceName: string,
  channels: readonly ChannelFieldsFragment[],
  escalationSteps: readonly string[],
  headingLevel: 1 | 2 | 3 | 4 | 5 = 4,
): LivePolicy {
  const practiceChannels: PracticeChannel[] = channels.map((c) => ({
    kind: c.kind,
    label: c.label,
    policyText: c.policyText,
    instructions: c.instructions ?? undefined,
    address: c.address,
    enabled: c.enabled,
    showInPolicy: c.showInPolicy,
  }));
  const ctx: RenderContext = {
    practiceName,
    effectiveDate,
    channels: practiceChannels.map(toRenderChannel),
    escalationSteps: [...escalationSteps],
  };
  try {
    return {
      html: renderPolicyHtml(document, ctx, { headingLevel }),
      warnings: checkPolicy(document, {
        ...ctx,
        enabledChannelKinds: practiceChannels.filter((c) => c.enabled).map((c) => c.kind),
      }),
      problem: null,
    };
  } catch (error) {
    if (error instanceof RangeError) {
      return {
        html: null,
        warnings: [],
        problem: 'Enter the effective date to see the preview and the policy check.',
      };
    }
    throw error;
  }
}
