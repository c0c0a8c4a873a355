import { Module } from '@nestjs/common';
import { AuthController } from './accounts/auth.controller';
import { LoginService } from './accounts/login.service';
import { LoginThrottle } from './accounts/login-throttle';

@Module({ controllers: [AuthController], providers: [LoginService, LoginThrottle] })
export class AuthModule {}
