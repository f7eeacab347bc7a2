import { ArgsType, Field } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

@ArgsType()
export class LoginArgs {
  @Field()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'password is required' })
  @MaxLength(200)
  password!: string;
}

@ArgsType()
export class RefreshTokenArgs {
  @Field()
  @IsString()
  @MinLength(20, { message: 'refreshToken is not a refresh token' })
  @MaxLength(200)
  refreshToken!: string;
}
