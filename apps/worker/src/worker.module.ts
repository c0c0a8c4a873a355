import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CommonModule } from '@anslag/common';
import { AppConfig, ConfigModule } from '@anslag/config';
import { DatabaseModule } from '@anslag/database';
import { QueueModule, RedisModule } from '@anslag/queue';
import { DecisionLetterProcessor } from './letters/decision-letter.processor';
import { PaymentLetterProcessor } from './letters/payment-letter.processor';
import { LetterSweeper } from './letters/letter-sweeper';
import { OutboxRelay } from './outbox/outbox-relay';

/** The same code as the api, without HTTP: BullMQ processors and the outbox relay. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          transport:
            config.NODE_ENV === 'development'
              ? { target: 'pino-pretty', options: { singleLine: true } }
              : undefined,
        },
      }),
    }),
    CommonModule,
    DatabaseModule.forWorker(),
    RedisModule,
    QueueModule,
  ],
  providers: [OutboxRelay, DecisionLetterProcessor, LetterSweeper, PaymentLetterProcessor],
})
export class WorkerModule {}
