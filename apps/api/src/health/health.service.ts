import { Injectable, OnModuleInit } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { RedisConnections } from '@anslag/queue';

export class ComponentStateDto {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty({ required: false }) error?: string;
}

export class LivenessDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

export class HealthReportDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty() postgres: ComponentStateDto;
  @ApiProperty() redis: ComponentStateDto;
}

const TIMEOUT_MS = 1500;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} svarade inte inom ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
    ),
  ]);
}

@Injectable()
export class HealthService implements OnModuleInit {
  private redis: Redis;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly connections: RedisConnections,
  ) {}

  onModuleInit(): void {
    // Fails fast while Redis is away instead of queueing the PING; reconnects in the background.
    this.redis = this.connections.create({
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => 500,
    });
  }

  async check(): Promise<HealthReportDto> {
    const [postgres, redis] = await Promise.all([
      this.probe(() => this.db.query('SELECT 1'), 'PostgreSQL'),
      this.probe(() => this.pingRedis(), 'Redis'),
    ]);
    return { status: postgres.status === 'up' && redis.status === 'up' ? 'ok' : 'error', postgres, redis };
  }

  private async pingRedis(): Promise<string> {
    if (this.redis.status !== 'ready') {
      // Right after start or while reconnecting: wait for the connection, within the probe's timeout.
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          this.redis.off('ready', done);
          resolve();
        };
        const timer = setTimeout(() => {
          this.redis.off('ready', done);
          reject(new Error('Redis är inte ansluten'));
        }, TIMEOUT_MS);
        this.redis.on('ready', done);
      });
    }
    return this.redis.ping();
  }

  private async probe(fn: () => Promise<unknown>, what: string): Promise<ComponentStateDto> {
    try {
      await withTimeout(fn(), what);
      return { status: 'up' };
    } catch (e) {
      return { status: 'down', error: e instanceof Error ? e.message : String(e) };
    }
  }
}
