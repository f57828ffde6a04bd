import { Module } from '@nestjs/common';
import { AppsModule } from '../apps/apps.module';
import { FlowsModule } from '../flows/flows.module';
import { FormsModule } from '../forms/forms.module';
import { RecordsModule } from '../records/records.module';
import { ReportsModule } from '../reports/reports.module';
import { TemplateInstaller } from './template-installer.service';
import { TemplatesController } from './templates.controller';

/** One-click app templates (the CRM), installed through the same services as the API. */
@Module({
  imports: [AppsModule, FormsModule, RecordsModule, ReportsModule, FlowsModule],
  controllers: [TemplatesController],
  providers: [TemplateInstaller],
  exports: [TemplateInstaller],
})
export class TemplatesModule {}
