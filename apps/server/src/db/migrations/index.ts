import { Foundation1732500000000 } from './1732500000000-foundation';
import { FormsAndRecords1732600000000 } from './1732600000000-forms-and-records';

/** Every migration, in order. New migrations are appended here. */
export const MIGRATIONS = [Foundation1732500000000, FormsAndRecords1732600000000];
