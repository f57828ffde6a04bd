import { Foundation1732500000000 } from './1732500000000-foundation';
import { FormsAndRecords1732600000000 } from './1732600000000-forms-and-records';
import { Reports1732700000000 } from './1732700000000-reports';
import { Flows1732800000000 } from './1732800000000-flows';
import { RateLimits1732900000000 } from './1732900000000-rate-limits';
import { Files1733000000000 } from './1733000000000-files';

/** Every migration, in order. New migrations are appended here. */
export const MIGRATIONS = [
  Foundation1732500000000,
  FormsAndRecords1732600000000,
  Reports1732700000000,
  Flows1732800000000,
  RateLimits1732900000000,
  Files1733000000000,
];
