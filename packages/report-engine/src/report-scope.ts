import type { Condition } from '@tessera/schema';

/** What the current user may see, enforced inside the compiled SQL. */
export interface ReportScope {
  /** The user's data scope on the source form, AND-ed into the WHERE clause. */
  condition?: Condition;
  /** Field references the user may read; absent = all. A report using any other field is refused. */
  readableFields?: ReadonlySet<string>;
  /** The user's data scope on a target form (targets vs actuals). */
  targetCondition?: Condition;
}
