import type { INestApplication } from '@nestjs/common';
import { ChannelsService } from '@parley/api/channels';
import { Database, RequestContext } from '@parley/api/core';
import { PolicyDraftsService, PolicyPublishingService, toPolicyDocument } from '@parley/api/policy';
import {
  CUSTOMER_POLICIES,
  type PolicyDocument,
  type PracticeChannel,
} from '@parley/shared/policy-render';
import { DEMO_PRACTICES } from './demo-directory';

interface DemoPolicy {
  document: PolicyDocument;
  channels: readonly PracticeChannel[];
  effectiveDate: string;
}

/** A short policy for the fictional practices, written to pass the policy check cleanly. */
const GENERIC_POLICY: DemoPolicy = {
  effectiveDate: '2025-04-01',
  document: {
    title: '{{practiceName}} Social Media Policy',
    blocks: [
      {
        type: 'paragraph',
        text: 'Many people share their experience of health services on social media. We would much rather hear from you directly, so that we can answer you and, where needed, put things right.',
      },
      {
        type: 'channelList',
        intro:
          'Whether your feedback is positive or negative, please bring it to us in whichever of these ways suits you best:',
      },
      {
        type: 'paragraph',
        text: 'Offensive or abusive posts about our staff are not acceptable. If such a post is brought to our attention, we may invite the person involved to a face-to-face discussion. If the behaviour continues, we will give a warning in writing with our reasons, and only after that may we consider that the doctor-patient relationship has broken down and ask for the person to be removed from our practice list.',
      },
      { type: 'signOff', text: '{{practiceName}}: {{effectiveMonthYear}}' },
    ],
  },
  channels: [
    {
      kind: 'letter_box',
      label: 'Letter box at reception',
      policyText: 'Leave a note in the letter box at reception, or hand it to a member of staff.',
      instructions:
        'Leave a note in the letter box next to the reception desk, or hand it to a member of staff.',
      address: null,
      enabled: true,
    },
    {
      kind: 'in_person',
      label: 'Tell us in person',
      policyText:
        'Speak to any member of the reception team, or ask to speak to the practice manager.',
      instructions:
        'Speak to any member of the reception team, or ask to speak to the practice manager.',
      address: null,
      enabled: true,
    },
    {
      kind: 'online_form',
      label: 'Online feedback form',
      policyText: 'Use the online feedback form on our website.',
      instructions: 'Tell us what went well or what we could do better, at any time of day.',
      address: null,
      enabled: true,
    },
  ],
};

/**
 * Configures each demo practice's channels and publishes its policy, through the same services
 * the console uses: the two customers get their own policies word for word, the fictional
 * practices a short generic one. Runs once, right after the demo directory is loaded.
 */
export async function loadDemoPolicies(app: INestApplication): Promise<void> {
  const database = app.get(Database);
  const channels = app.get(ChannelsService);
  const drafts = app.get(PolicyDraftsService);
  const publishing = app.get(PolicyPublishingService);
  const practices = await database.run({ tenantPracticeId: null }, (uow) =>
    uow.query<{ id: string; slug: string }>(
      'SELECT id, slug FROM practices WHERE slug = ANY($1) ORDER BY slug',
      [DEMO_PRACTICES.map((p) => p.slug)],
    ),
  );
  // One unit of work per practice: demo data loads on every test boot, so keep it quick.
  for (const practice of practices) {
    const ctx = RequestContext.system(practice.id);
    const policy: DemoPolicy =
      CUSTOMER_POLICIES.find((c) => c.slug === practice.slug) ?? GENERIC_POLICY;
    await database.run(ctx, async (uow) => {
      for (const channel of policy.channels) {
        await channels.createIn(ctx, uow, {
          kind: channel.kind,
          label: channel.label,
          policyText: channel.policyText,
          instructions: channel.instructions ?? null,
          address: channel.address ?? null,
          enabled: channel.enabled,
          showInPolicy: channel.showInPolicy ?? true,
        });
      }
      const draft = await drafts.saveDraftIn(
        ctx,
        uow,
        toPolicyDocument(policy.document),
        policy.effectiveDate,
      );
      await publishing.publishDraftIn(ctx, uow, draft.id);
    });
  }
}
