import { Module } from '@nestjs/common';
import { AppsModule } from '../apps/apps.module';
import { FormsModule } from '../forms/forms.module';
import { RecordsModule } from '../records/records.module';
import { TemplateInstaller } from './template-installer.service';
import { TemplatesController } from './templates.controller';

/**
 * One-click app templates (the CRM). Reports, dashboards and flows are installed through their services, which
 * their modules do not export yet: the installer looks them up with ModuleRef (strict: false) instead.
 */
@Module({
  imports: [AppsModule, FormsModule, RecordsModule],
  controllers: [TemplatesController],
  providers: [TemplateInstaller],
  exports: [TemplateInstaller],
})
export class TemplatesModule {}
