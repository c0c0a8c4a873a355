import { Module } from '@nestjs/common';
import { AuthController } from './accounts/auth.controller';
import { LoginService } from './accounts/login.service';
import { PeopleController } from './accounts/people.controller';

@Module({ controllers: [AuthController, PeopleController], providers: [LoginService] })
export class AuthModule {}
