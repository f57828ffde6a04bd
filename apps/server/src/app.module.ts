import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppsModule } from './apps/apps.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/app-config';
import { APP_CONFIG, APP_LOGGER } from './config/app-config.provider';
import { DatabaseModule } from './db/database.module';
import { FilesModule } from './files/files.module';
import { FormsModule } from './forms/forms.module';
import { HealthModule } from './health/health.module';
import { ReportsModule } from './reports/reports.module';
import { PublicFormsModule } from './public-forms/public-forms.module';
import { ExportModule } from './records/export/export.module';
import { ImportModule } from './records/import/import.module';
import { RecordsModule } from './records/records.module';
import { TenancyModule } from './tenancy/tenancy.module';
import { ViewsModule } from './views/views.module';
import { FlowsModule } from './flows/flows.module';
import { NotificationsModule } from './notifications/notifications.module';
import { TemplatesModule } from './templates/templates.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, appDatabaseUrl: string, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forRoot(appDatabaseUrl),
        AuditModule,
        AuthModule,
        TenancyModule,
        HealthModule,
        AppsModule,
        ReportsModule,
        FormsModule,
        RecordsModule,
        ViewsModule,
        ImportModule,
        ExportModule,
        PublicFormsModule,
        FlowsModule,
        NotificationsModule,
        TemplatesModule,
        FilesModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_LOGGER, useValue: logger },
      ],
      exports: [APP_CONFIG, APP_LOGGER],
    };
  }
}
