import { Module } from '@nestjs/common';
import { AuthController } from './accounts/auth.controller';
import { LoginService } from './accounts/login.service';
import { LoginThrottle } from './accounts/login-throttle';
import { PeopleController } from './accounts/people.controller';

@Module({
  controllers: [AuthController, PeopleController],
  providers: [LoginService, LoginThrottle],
  exports: [LoginService],
})
export class AuthModule {}
