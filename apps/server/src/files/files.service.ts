import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { Static } from '@sinclair/typebox';
import type { Logger } from 'pino';
import type { AuthPrincipal } from '../auth/auth-principal';
import { badRequest, notFound, ProblemException } from '../common/problem/problem.exception';
import { DEFAULT_FILES_MAX_BYTES, type AppConfig } from '../config/app-config';
import { APP_CONFIG, APP_LOGGER } from '../config/app-config.provider';
import { TenantDatabase } from '../db/tenant-database.service';
import { FileStorage } from './file-storage';
import type { StoredFileResponse } from './files.dto';

export type StoredFile = Static<typeof StoredFileResponse>;

/** A file ready to be streamed back: its metadata and an opened read stream. */
export interface OpenedFile {
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  stream: ReadStream;
}

interface FileRow {
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
}

const FALLBACK_TYPE = 'application/octet-stream';
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/** The media type of the upload without parameters; an absent or malformed one is stored as octet-stream. */
export function mediaTypeOf(header: string | undefined): string {
  const type = (header ?? '').split(';')[0].trim().toLowerCase();
  return type.length <= 255 && MEDIA_TYPE.test(type) ? type : FALLBACK_TYPE;
}

/** Refuses names a browser or a file system would read as a path (the stored key never uses the name). */
export function checkFileName(name: string): void {
  let reason: string | undefined;
  if (/[/\\]/.test(name)) reason = 'A file name may not contain / or \\';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  else if (/[\u0000-\u001f\u007f]/.test(name)) reason = 'A file name may not contain control characters';
  else if (name.trim() === '' || name === '.' || name === '..') reason = 'Not a file name';
  if (reason)
    throw badRequest('The file name is invalid', [{ path: '/query/name', code: 'invalid_name', message: reason }]);
}

function tooLarge(maxBytes: number): ProblemException {
  return new ProblemException(413, `Files may be at most ${maxBytes} bytes`, [
    { path: '/body', code: 'too_large', message: `Larger than ${maxBytes} bytes` },
  ]);
}

const emptyBody = () =>
  badRequest('The file is empty', [{ path: '/body', code: 'required', message: 'Send the file as the request body' }]);

/** Uploaded files: bytes on disk (see FileStorage), metadata in the tenant's `files` rows (row-level security). */
@Injectable()
export class FilesService {
  private readonly storage: FileStorage;
  readonly maxBytes: number;

  constructor(
    private readonly db: TenantDatabase,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    this.storage = new FileStorage(join(config.dataDir, 'files'));
    this.maxBytes = config.filesMaxBytes ?? DEFAULT_FILES_MAX_BYTES;
  }

  async upload(
    principal: AuthPrincipal,
    input: { name: string; contentType: string | undefined; declaredLength: number | undefined },
    body: Readable,
  ): Promise<StoredFile> {
    checkFileName(input.name);
    // A declared length is trusted for refusing early (nothing read, nothing written); the streamed count decides.
    if (input.declaredLength !== undefined && input.declaredLength > this.maxBytes) throw tooLarge(this.maxBytes);
    if (input.declaredLength === 0) throw emptyBody();
    const id = randomUUID();
    const key = this.storage.keyOf(principal.tenantId, id);
    const received = await this.storage.write(key, body, this.maxBytes);
    if (received.tooLarge) throw tooLarge(this.maxBytes);
    if (received.size === 0) throw emptyBody();
    const type = mediaTypeOf(input.contentType);
    try {
      await this.db.run(principal.tenantId, (em) =>
        em.query(
          `INSERT INTO files (id, tenant_id, name, content_type, size, sha256, storage_key, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [id, principal.tenantId, input.name, type, received.size, received.sha256, key, principal.userId],
        ),
      );
    } catch (error) {
      await this.storage.remove(key);
      throw error;
    }
    return { id, name: input.name, size: received.size, type, url: `/api/v1/files/${id}` };
  }

  /** The file of the caller's tenant, opened; another tenant's id is as unknown as a made-up one (404). */
  async open(principal: AuthPrincipal, id: string): Promise<OpenedFile> {
    const rows: FileRow[] = await this.db.run(principal.tenantId, (em) =>
      em.query(`SELECT name, content_type, size, sha256, storage_key FROM files WHERE id = $1`, [id]),
    );
    const row = rows[0];
    if (!row) throw notFound('No such file');
    const stream = this.storage.read(row.storage_key);
    try {
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', reject);
      });
    } catch (error) {
      // The row outlived its bytes (a restored database without its DATA_DIR): say so in the log, 404 to the caller.
      this.logger.error({ err: error, fileId: id }, 'file content missing on disk');
      throw notFound('The file content is missing');
    }
    return { name: row.name, contentType: row.content_type, size: row.size, sha256: row.sha256, stream };
  }
}
