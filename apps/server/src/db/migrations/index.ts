import { Foundation1732500000000 } from './1732500000000-foundation';
import { FormsAndRecords1732600000000 } from './1732600000000-forms-and-records';
import { Reports1732700000000 } from './1732700000000-reports';

/** Every migration, in order. New migrations are appended here. */
export const MIGRATIONS = [Foundation1732500000000, FormsAndRecords1732600000000, Reports1732700000000];
