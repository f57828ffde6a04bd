import { DynamicModule, Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { TenantDatabase } from './tenant-database.service';

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  static forRoot(appUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = new DataSource({
              type: 'postgres',
              url: appUrl,
              entities: ENTITIES,
              synchronize: false,
              logging: false,
              extra: { max: 20 },
            });
            return dataSource.initialize();
          },
        },
        TenantDatabase,
      ],
      exports: [DataSource, TenantDatabase],
    };
  }
}
