import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DemoSeedResult } from '../seed/demo-tenant-seed';
import { TemplateInstaller } from './template-installer.service';

/**
 * First start: the demo tenant gets the CRM with its sample data, so a new user sees living dashboards.
 * `TESSERA_DEMO_DATA=off` skips it (an empty demo tenant; the CRM can still be installed from the API).
 */
export async function installDemoCrm(
  app: INestApplication,
  logger: Logger,
  seed: DemoSeedResult,
  env = process.env,
): Promise<void> {
  if (!seed.tenantId || !seed.adminUserId) return;
  if (env.TESSERA_DEMO_DATA === 'off') {
    logger.info('TESSERA_DEMO_DATA=off: the demo tenant starts without the CRM');
    return;
  }
  const { tenantId, adminUserId: userId } = seed;
  try {
    const result = await app
      .get(TemplateInstaller)
      .installCrm(tenantId, { tenantId, userId, isAdmin: true }, { sampleData: true });
    logger.info({ ms: result.ms, records: result.records }, 'demo CRM installed');
  } catch (error) {
    // The server is usable without the demo CRM; an administrator can install it later from the API.
    logger.error({ err: error }, 'installing the demo CRM failed');
  }
}
