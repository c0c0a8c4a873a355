import { BeforeApplicationShutdown, Global, Inject, Injectable, Module } from '@nestjs/common';
import { JobProducer } from './job-producer';
import { RedisConnections } from './redis';

/** The producer as a Nest provider, on a connection of its own that fails fast while Redis is away. */
@Injectable()
export class QueueProducer extends JobProducer implements BeforeApplicationShutdown {
  constructor(@Inject(RedisConnections) connections: RedisConnections) {
    super(connections.create({ enableOfflineQueue: false, maxRetriesPerRequest: 1 }), {
      prefix: connections.prefix,
    });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.close();
  }
}

@Global()
@Module({ providers: [QueueProducer], exports: [QueueProducer] })
export class QueueModule {}
