import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from '@sinclair/typebox';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { ApiJsonResponse } from '../common/validation/schema-validation.pipe';
import { APP_VERSION } from '../app-version';

export const HealthResponse = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    database: Type.Union([Type.Literal('up'), Type.Literal('down')]),
    version: Type.String(),
  },
  { title: 'Health' },
);

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  @ApiOperation({ operationId: 'health', summary: 'Liveness and database status (503 when the database is down)' })
  @ApiJsonResponse(200, HealthResponse)
  async health(@Res({ passthrough: true }) response: Response) {
    let database: 'up' | 'down' = 'down';
    try {
      await this.dataSource.query('SELECT 1');
      database = 'up';
    } catch {
      response.status(503);
    }
    return { status: database === 'up' ? 'ok' : 'degraded', database, version: APP_VERSION };
  }
}
