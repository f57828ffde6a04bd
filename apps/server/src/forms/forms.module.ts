import { Module } from '@nestjs/common';
import { FormCatalog } from './form-catalog.service';
import { FormsController } from './forms.controller';
import { FormsService } from './forms.service';

@Module({
  controllers: [FormsController],
  providers: [FormsService, FormCatalog],
  exports: [FormsService, FormCatalog],
})
export class FormsModule {}
