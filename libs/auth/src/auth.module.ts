import { Module } from '@nestjs/common';
import { AuthController } from './accounts/auth.controller';
import { LoginService } from './accounts/login.service';

@Module({ controllers: [AuthController], providers: [LoginService], exports: [LoginService] })
export class AuthModule {}
