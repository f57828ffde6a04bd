import { Module } from '@nestjs/common';
import { RecordsModule } from '../records.module';
import { ImportController } from './import.controller';
import { ImportService } from './import.service';

@Module({ imports: [RecordsModule], controllers: [ImportController], providers: [ImportService] })
export class ImportModule {}
