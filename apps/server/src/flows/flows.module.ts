import { Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../config/app-config.provider';
import { FormsModule } from '../forms/forms.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RecordsModule } from '../records/records.module';
import { FlowAssigneesResolver } from './flow-assignees.resolver';
import { FlowClock } from './flow-clock';
import { FlowDefinitions } from './flow-definitions.service';
import { FlowDelivery } from './flow-delivery';
import { FlowEffectsApplier } from './flow-effects.applier';
import { FlowHttpClient } from './flow-http.client';
import { FlowInstancesService } from './flow-instances.service';
import { EMAIL_SENDER, emailSenderFromEnv, SMS_PROVIDER, smsProviderFromEnv } from './flow-messages';
import { FlowRecordsGateway } from './flow-records.gateway';
import { FlowTimers } from './flow-timers.service';
import { FlowWorker } from './flow-timers.worker';
import { FlowTriggersListener } from './flow-triggers.listener';
import { FlowsController } from './flows.controller';
import { FlowsService } from './flows.service';
import { InstancesController } from './instances.controller';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';
import { WebhooksController } from './webhooks.controller';

@Module({
  imports: [FormsModule, RecordsModule, NotificationsModule],
  controllers: [FlowsController, InstancesController, TasksController, WebhooksController],
  providers: [
    FlowClock,
    FlowDefinitions,
    FlowAssigneesResolver,
    FlowRecordsGateway,
    FlowTimers,
    FlowEffectsApplier,
    FlowInstancesService,
    FlowTriggersListener,
    FlowHttpClient,
    FlowDelivery,
    FlowWorker,
    FlowsService,
    TasksService,
    {
      provide: EMAIL_SENDER,
      inject: [APP_LOGGER],
      useFactory: (logger: Logger) => emailSenderFromEnv(process.env, logger.child({ component: 'email' })),
    },
    {
      provide: SMS_PROVIDER,
      inject: [APP_LOGGER],
      useFactory: (logger: Logger) => smsProviderFromEnv(process.env, logger.child({ component: 'sms' })),
    },
  ],
  exports: [
    FlowsService,
    FlowClock,
    FlowTimers,
    FlowTriggersListener,
    FlowWorker,
    FlowInstancesService,
    EMAIL_SENDER,
    SMS_PROVIDER,
  ],
})
export class FlowsModule {}

/** Boot hook for main.ts and the test app: graphile-worker's schema (owner role), its runner and the outbox poll. */
export { FlowWorker } from './flow-timers.worker';
