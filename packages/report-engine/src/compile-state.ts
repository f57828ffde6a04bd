import type { ConditionContext, SqlParams } from '@tessera/query';

/** The parameters of the statement being built and the evaluation context (time zone, user …). */
export class CompileState {
  private timeZonePlaceholder?: string;

  constructor(
    readonly params: SqlParams,
    readonly ctx: ConditionContext,
  ) {}

  /** The tenant's time zone as a bound parameter (added once, reused). */
  timeZone(): string {
    this.timeZonePlaceholder ??= this.params.add(this.ctx.timeZone, 'text');
    return this.timeZonePlaceholder;
  }

  value(value: unknown, cast?: string): string {
    return this.params.add(value, cast);
  }
}
