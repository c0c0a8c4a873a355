export { RedisConnections, RedisModule, redisConnection } from './redis';
export {
  JOBS,
  QUEUES,
  jobsOf,
  type JobDefinition,
  type JobName,
  type JobPayloads,
  type QueueName,
} from './jobs';
export {
  JobProducer,
  RedisUnavailableError,
  type EnqueueOutcome,
  type JobProducerOptions,
} from './job-producer';
export { QueueModule, QueueProducer } from './queue.module';
