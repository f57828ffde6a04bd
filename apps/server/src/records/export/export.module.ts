import { Module } from '@nestjs/common';
import { ViewsModule } from '../../views/views.module';
import { RecordsModule } from '../records.module';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';

@Module({ imports: [RecordsModule, ViewsModule], controllers: [ExportController], providers: [ExportService] })
export class ExportModule {}
