import { createServer } from 'node:net';

/**
 * A free TCP port on loopback, held by a listening socket of this process until `release`. Released at
 * once, another process on the machine may take it (a loopback connection to PostgreSQL or Redis is given
 * a port of the same range) before the real listener binds it: an in-process listener that has to know its
 * port early (to name it in URLs) releases it right before it listens.
 */
export function reservePort(): Promise<{ port: number; release(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      let closed: Promise<void> | undefined;
      const release = () => (closed ??= new Promise<void>((done) => srv.close(() => done())));
      resolve({ port, release });
    });
  });
}

/** A free TCP port on loopback, for a child process to listen on (which then checks that it got it). */
export async function freePort(): Promise<number> {
  const { port, release } = await reservePort();
  await release();
  return port;
}
