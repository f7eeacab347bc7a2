import { Module } from '@nestjs/common';
import { ChannelsModule } from '@parley/api/channels';
import { EscalationModule } from '@parley/api/escalation';
import { FeedbackModule } from '@parley/api/feedback';
import { PracticesModule } from '@parley/api/practices';
import { PolicyComposer } from './policy-composer';
import { PolicyDraftsService } from './policy-drafts.service';
import { PolicyPublishingService } from './policy-publishing.service';
import { PolicyVersionsService } from './policy-versions.service';
import { PolicyResolver, PublicPolicyResolver } from './policy.resolver';
import { PublicPageFormController } from './public-page-form.controller';
import { PublicPolicyCache } from './public-policy.cache';
import { PublicPolicyController, PublicPolicyPageController } from './public-policy.controller';
import { PublicPolicyService } from './public-policy.service';

@Module({
  // The hosted page's no-script form posts through the public feedback service.
  imports: [ChannelsModule, PracticesModule, FeedbackModule, EscalationModule],
  controllers: [PublicPolicyController, PublicPolicyPageController, PublicPageFormController],
  providers: [
    PolicyComposer,
    PolicyVersionsService,
    PolicyDraftsService,
    PolicyPublishingService,
    PublicPolicyCache,
    PublicPolicyService,
    PolicyResolver,
    PublicPolicyResolver,
  ],
  exports: [
    PolicyVersionsService,
    PolicyDraftsService,
    PolicyPublishingService,
    PublicPolicyService,
  ],
})
export class PolicyModule {}
