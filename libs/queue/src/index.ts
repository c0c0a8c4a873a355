export { RedisConnections, RedisModule, redisConnection } from './redis';
