import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { OwnerOrAdminAccessPolicy, RecordAccessPolicy } from '../records/record-access.policy';
import { DashboardsController } from './dashboards.controller';
import { DashboardsService } from './dashboards.service';
import { ReportRunner } from './report-runner.service';
import { REPORT_SETTINGS, reportSettingsFromEnv } from './report-settings';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [FormsModule],
  controllers: [ReportsController, DashboardsController],
  providers: [
    ReportsService,
    DashboardsService,
    ReportRunner,
    { provide: REPORT_SETTINGS, useFactory: reportSettingsFromEnv },
    // until the records module exports the one policy (the lead unifies this provider)
    { provide: RecordAccessPolicy, useClass: OwnerOrAdminAccessPolicy },
  ],
  exports: [ReportRunner],
})
export class ReportsModule {}
