import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What was received: how many bytes, their sha256, and whether the body went past the limit. */
export interface ReceivedContent {
  size: number;
  sha256: string;
  /** The body was longer than the limit: nothing was kept, the caller answers 413. */
  tooLarge: boolean;
}

/**
 * Counts and hashes the bytes on their way to disk. Past the limit it stops passing them on but keeps reading to
 * the end instead of failing the pipeline: a failed pipeline destroys the request's socket, and the client would
 * see a connection reset instead of the 413. (The http server's requestTimeout bounds how long that can take, and
 * a declared Content-Length over the limit is refused before a byte is read.)
 */
class SizeLimitedHash extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  tooLarge = false;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.tooLarge) return callback();
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      this.tooLarge = true;
      return callback();
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }
}

/**
 * File contents on the local disk under `<root>/<tenant>/<aa>/<id>` (aa = the id's first two hex digits, so no
 * directory holds more than 1/256 of a tenant's files). Writes go to a `.part` file renamed into place only when
 * complete, so a crash or an aborted upload never leaves a readable half file under a real key.
 */
export class FileStorage {
  constructor(private readonly root: string) {}

  /** The storage key of a file: its path relative to the root (what the `files` row keeps). */
  keyOf(tenantId: string, id: string): string {
    return join(tenantId, id.slice(0, 2), id);
  }

  /** Streams `source` to the key; never holds more than a stream chunk in memory. */
  async write(key: string, source: Readable, maxBytes: number): Promise<ReceivedContent> {
    const target = join(this.root, key);
    const partial = `${target}.part`;
    await mkdir(join(target, '..'), { recursive: true });
    const counter = new SizeLimitedHash(maxBytes);
    try {
      await pipeline(source, counter, createWriteStream(partial, { flags: 'wx' }));
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    if (counter.tooLarge || counter.size === 0) {
      await rm(partial, { force: true });
      return { size: counter.size, sha256: '', tooLarge: counter.tooLarge };
    }
    await rename(partial, target);
    return { size: counter.size, sha256: counter.hash.digest('hex'), tooLarge: false };
  }

  read(key: string): ReadStream {
    return createReadStream(join(this.root, key));
  }

  async remove(key: string): Promise<void> {
    await rm(join(this.root, key), { force: true });
  }
}
