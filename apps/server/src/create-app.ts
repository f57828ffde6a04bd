import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { PinoNestLogger } from './common/logging/app-logger';
import { PROBLEM_CONTENT_TYPE } from './common/problem/problem-details';
import { ProblemExceptionFilter, toProblem } from './common/problem/problem-exception.filter';
import type { AppConfig } from './config/app-config';
import { installPgTypeParsers } from './db/pg-type-parsers';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { serveWebApp } from './web/serve-web-app';

/** Request bodies above this are refused with 413 before any parsing work. */
export const BODY_LIMIT = '12mb';

/** Routes whose body is the raw upload: a .json file sent there is content to store, not a request to parse. */
const RAW_BODY_PATHS = new Set(['/api/v1/files']);
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

function isJsonBody(request: IncomingMessage): boolean {
  const path = (request.url ?? '').split('?')[0].replace(/\/+$/, '');
  return !RAW_BODY_PATHS.has(path) && JSON_TYPE.test(request.headers['content-type'] ?? '');
}

/** Builds the fully configured HTTP application (used by main and by the integration tests). */
export async function createApp(
  config: AppConfig,
  appDatabaseUrl: string,
  logger: Logger,
  options: { serveWeb?: boolean } = {},
) {
  installPgTypeParsers();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, appDatabaseUrl, logger), {
    bodyParser: false,
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  const server = app.getHttpAdapter().getInstance();
  server.disable('x-powered-by');
  server.set('trust proxy', 'loopback');

  app.use((request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          method: request.method,
          url: request.originalUrl.split('?')[0],
          status: response.statusCode,
          ms: Math.round(ms * 10) / 10,
        },
        'request',
      );
    });
    next();
  });
  app.use(express.json({ limit: BODY_LIMIT, type: isJsonBody }));
  // Body-parser errors (malformed JSON, too large) happen before Nest's routing: answer them here.
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    const body = toProblem(error);
    response
      .status(body.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({ ...body, instance: request.originalUrl }));
  });
  app.useGlobalFilters(new ProblemExceptionFilter(logger));

  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    useGlobalPrefix: true,
    jsonDocumentUrl: 'docs-json',
  });
  if (options.serveWeb && !serveWebApp(server, config.webDistDir)) {
    logger.warn({ dir: config.webDistDir }, 'the web app is not built; run pnpm build to serve it at /');
  }
  await app.init();
  return app;
}
