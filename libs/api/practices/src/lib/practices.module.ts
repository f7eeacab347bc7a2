import { Module } from '@nestjs/common';
import { DirectoryService } from './directory.service';
import { InvitationsService } from './invitations.service';
import { MailerService } from './mailer.service';
import { PeopleService } from './people.service';
import { DirectoryResolver, InvitationResolver, PeopleResolver } from './practices.resolvers';

@Module({
  providers: [
    DirectoryService,
    InvitationsService,
    PeopleService,
    MailerService,
    DirectoryResolver,
    PeopleResolver,
    InvitationResolver,
  ],
  exports: [DirectoryService, InvitationsService],
})
export class PracticesModule {}
