import { Module } from '@nestjs/common';
import { DepartmentsController } from './departments.controller';
import { MeController } from './me.controller';
import { TenancyService } from './tenancy.service';
import { UsersController } from './users.controller';

@Module({
  controllers: [MeController, UsersController, DepartmentsController],
  providers: [TenancyService],
  exports: [TenancyService],
})
export class TenancyModule {}
