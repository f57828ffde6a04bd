import { RefreshTokenEntity } from '../auth/refresh-token.entity';
import { DepartmentEntity } from '../tenancy/department.entity';
import { TenantEntity } from '../tenancy/tenant.entity';
import { UserEntity } from '../tenancy/user.entity';

/** Every TypeORM entity of the metadata tables. */
export const ENTITIES = [TenantEntity, UserEntity, DepartmentEntity, RefreshTokenEntity];
