import { Foundation1732500000000 } from './1732500000000-foundation';

/** Every migration, in order. New migrations are appended here. */
export const MIGRATIONS = [Foundation1732500000000];
