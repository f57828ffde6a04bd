import { Module } from '@nestjs/common';
import { RateLimiter } from '../common/rate-limit/rate-limiter.service';
import { FormsModule } from '../forms/forms.module';
import { RecordsModule } from '../records/records.module';
import { PublicFormsController } from './public-forms.controller';
import { PublicFormsService } from './public-forms.service';

@Module({
  imports: [FormsModule, RecordsModule],
  controllers: [PublicFormsController],
  providers: [PublicFormsService, RateLimiter],
})
export class PublicFormsModule {}
