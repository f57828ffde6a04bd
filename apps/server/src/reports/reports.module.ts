import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { RecordsModule } from '../records/records.module';
import { DashboardsController } from './dashboards.controller';
import { DashboardsService } from './dashboards.service';
import { ReportRunner } from './report-runner.service';
import { REPORT_SETTINGS, reportSettingsFromEnv } from './report-settings';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  // The record access policy comes from the records module: the same seam decides rows and fields everywhere.
  imports: [FormsModule, RecordsModule],
  controllers: [ReportsController, DashboardsController],
  providers: [
    ReportsService,
    DashboardsService,
    ReportRunner,
    { provide: REPORT_SETTINGS, useFactory: reportSettingsFromEnv },
  ],
  exports: [ReportRunner, ReportsService, DashboardsService],
})
export class ReportsModule {}
