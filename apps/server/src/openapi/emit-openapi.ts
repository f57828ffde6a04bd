import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { createAppLogger } from '../common/logging/app-logger';
import type { AppConfig } from '../config/app-config';
import { buildOpenApiDocument } from './openapi-document';

/** Writes the OpenAPI document for the web client's generator, without a database (Nest preview mode). */
async function emit(): Promise<void> {
  const config = {
    port: 0,
    host: 'localhost',
    dataDir: '',
    jwtSecret: 'x'.repeat(32),
    logLevel: 'silent',
  } as unknown as AppConfig;
  const app = await NestFactory.create(
    AppModule.forRoot(config, 'postgres://unused/unused', createAppLogger('silent')),
    { preview: true, logger: false },
  );
  app.setGlobalPrefix('api');
  const document = buildOpenApiDocument(app);
  const target = resolve(__dirname, '../../../web/src/shared/api/openapi.json');
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
  process.stdout.write(`wrote ${target}\n`);
}

void emit();
