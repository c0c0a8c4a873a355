import { ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from './ports';

/**
 * The process id of the Redis that answers on the port (INFO server), or null, over a plain socket that
 * is destroyed at once. (An ioredis client's disconnect() leaves a 2 s timer behind after a refused
 * connection, which kept a test worker from exiting.)
 */
function redisPid(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let answer = '';
    const pid = () => Number(/\r\nprocess_id:(\d+)\r\n/.exec(answer)?.[1]) || null;
    const done = () => {
      socket.destroy();
      resolve(pid());
    };
    socket.setTimeout(1_000, done);
    socket.on('error', done);
    socket.on('connect', () => socket.write('INFO server\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (pid() !== null) done();
    });
    socket.on('close', done);
  });
}

/**
 * A real redis-server of the test's own, on its own port, that the test may stop and start without
 * disturbing the Redis that other suites use.
 */
export class PrivateRedis {
  private proc: ChildProcess | null = null;
  private constructor(readonly port: number) {}

  /**
   * On a free port; if another process binds it first (redis-server then exits), on another one. The
   * server that answers must be this one (its process id), not another test's on a reused port.
   */
  static async start(): Promise<PrivateRedis> {
    for (let attempt = 1; ; attempt++) {
      const r = new PrivateRedis(await freePort());
      try {
        await r.start();
        return r;
      } catch (err) {
        await r.stop();
        if (attempt === 3) throw err;
      }
    }
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.proc = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const proc = this.proc;
    for (let i = 0; i < 100 && proc.exitCode === null; i++) {
      if ((await redisPid(this.port)) === proc.pid) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  async stop(): Promise<void> {
    const p = this.proc;
    this.proc = null;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGKILL');
    });
  }
}
