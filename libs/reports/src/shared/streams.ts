import type { Writable } from 'node:stream';

/** Thrown into a writer when the reader went away (the client closed the connection). */
export class ReaderGoneError extends Error {
  constructor() {
    super('the reader closed the stream');
  }
}

/**
 * Resolves when `stream` may take more, rejects when it (or `alsoWatch`, the stream it feeds) closes first:
 * a writer then stops pulling rows and its cursor is closed.
 */
export function drained(stream: Writable, alsoWatch: Writable = stream): Promise<void> {
  if (stream.destroyed || alsoWatch.destroyed) return Promise.reject(new ReaderGoneError());
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      stream.off('drain', onDrain);
      for (const s of new Set([stream, alsoWatch])) {
        s.off('close', onClose);
        s.off('error', onClose);
      }
    };
    const onDrain = () => {
      cleanup();
      resolve();
    };
    const onClose = () => {
      cleanup();
      reject(new ReaderGoneError());
    };
    stream.on('drain', onDrain);
    for (const s of new Set([stream, alsoWatch])) {
      s.on('close', onClose);
      s.on('error', onClose);
    }
  });
}
