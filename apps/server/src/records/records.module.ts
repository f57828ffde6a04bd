import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { OwnerOrAdminAccessPolicy, RecordAccessPolicy } from './record-access.policy';
import { RecordsController } from './records.controller';
import { RecordsService } from './records.service';

@Module({
  imports: [FormsModule],
  controllers: [RecordsController],
  providers: [RecordsService, { provide: RecordAccessPolicy, useClass: OwnerOrAdminAccessPolicy }],
  exports: [RecordsService, RecordAccessPolicy],
})
export class RecordsModule {}
