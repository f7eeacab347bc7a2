import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@parley/shared/domain';

registerEnumType(Role, {
  name: 'Role',
  description: 'What a membership lets a person do, and where.',
});

@ObjectType()
export class PlaceSummary {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() slug!: string;
}

@ObjectType()
export class MembershipView {
  @Field(() => Role) role!: Role;
  @Field(() => PlaceSummary, { nullable: true, description: 'The practice, for practice roles.' })
  practice!: PlaceSummary | null;
  @Field(() => PlaceSummary, { nullable: true, description: 'The ICB, for auditors.' })
  icb!: PlaceSummary | null;
}

@ObjectType()
export class Me {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() name!: string;
  @Field(() => [MembershipView]) memberships!: MembershipView[];
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' }) accessToken!: string;
  @Field({ description: 'Exchange with `refresh` for new tokens; rotates on every use.' })
  refreshToken!: string;
  @Field(() => Int, { description: 'Seconds until the access token expires.' }) expiresIn!: number;
  @Field(() => Me) user!: Me;
}
