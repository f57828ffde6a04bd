import { qualifiedName as col, quoteIdent as id } from '@tessera/query';
import type { FunnelSpec } from '@tessera/schema';
import type { CompileState } from './compile-state';
import { ReportDefinitionError } from './errors';
import type { RecordRelation } from './record-relation';

/**
 * A funnel: one row per stage, in the given order (stages without records included), with
 * `count` (records now in the stage), `reached` (in the stage or a later one), `amount`/`reached_amount`,
 * `value` (= reached when cumulative, the default, else count), `conversion` (value / previous stage's value)
 * and `overall_conversion` (value / first stage's value). Stage labels are `d0`, the order `stage_order`.
 *
 * The records are read once, by a plain GROUP BY on the stage (which PostgreSQL aggregates in parallel, like
 * the hand-written query); the stage list is joined to those few aggregated rows afterwards, never to the
 * records themselves, and the running sums are window functions over one row per stage.
 */
export function compileFunnel(funnel: FunnelSpec, rel: RecordRelation, where: string, state: CompileState): string {
  if (funnel.stages.length === 0) throw new ReportDefinitionError('A funnel needs at least one stage', 'funnel/stages');
  const stage = rel.resolve(funnel.stageField, 'funnel/stageField');
  if (stage.kind !== 'text')
    throw new ReportDefinitionError(`The stage field "${stage.ref}" must be a text/select field`, 'funnel/stageField');
  const amount = funnel.amountField ? rel.resolve(funnel.amountField, 'funnel/amountField') : undefined;
  if (amount && amount.kind !== 'number')
    throw new ReportDefinitionError(`The amount field "${amount.ref}" must be a number`, 'funnel/amountField');
  const cumulative = funnel.cumulative !== false;
  const stages = state.value(funnel.stages, 'text[]');
  const g = (name: string): string => col('g', name);
  const st = (name: string): string => col('st', name);
  const c = (name: string): string => col('c', name);
  const v = (name: string): string => col('v', name);

  const aggCols = [
    `${stage.sql} AS ${id('stage')}`,
    `count(*) AS ${id('cnt')}`,
    ...(amount ? [`sum(${amount.sql}) AS ${id('amount')}`] : []),
  ];
  const grouped =
    `SELECT ${aggCols.join(', ')} FROM ${rel.fromSql()} WHERE ${where} AND ${stage.sql} = ANY(${stages}) ` +
    `GROUP BY ${stage.sql}`;
  const amountOut = amount ? `COALESCE(${g('amount')}, 0)::float8` : 'NULL::float8';
  const counts =
    `SELECT ${st('stage')}, ${st('stage_order')}, COALESCE(${g('cnt')}, 0)::float8 AS ${id('cnt')}, ` +
    `${amountOut} AS ${id('amount')} FROM unnest(${stages}) WITH ORDINALITY ` +
    `AS ${id('st')}(${id('stage')}, ${id('stage_order')}) LEFT JOIN ${id('grouped')} AS ${id('g')} ` +
    `ON ${g('stage')} = ${st('stage')}`;
  const later = `OVER (ORDER BY ${c('stage_order')} DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
  const valueExpr = cumulative ? `sum(${c('cnt')}) ${later}` : c('cnt');
  const withValue =
    `SELECT ${c('stage')}, ${c('stage_order')}, ${c('cnt')}, ${c('amount')}, ` +
    `sum(${c('cnt')}) ${later} AS ${id('reached')}, sum(${c('amount')}) ${later} AS ${id('reached_amount')}, ` +
    `${valueExpr} AS ${id('value')} FROM ${id('counts')} AS ${id('c')}`;
  const select =
    `SELECT ${v('stage')} AS ${id('d0')}, ${v('stage_order')}::int AS ${id('stage_order')}, ` +
    `${v('cnt')} AS ${id('count')}, ${v('reached')} AS ${id('reached')}, ${v('amount')} AS ${id('amount')}, ` +
    `${v('reached_amount')} AS ${id('reached_amount')}, ${v('value')} AS ${id('value')}, ` +
    `${v('value')} / NULLIF(lag(${v('value')}) OVER (ORDER BY ${v('stage_order')}), 0) AS ${id('conversion')}, ` +
    `${v('value')} / NULLIF(first_value(${v('value')}) OVER (ORDER BY ${v('stage_order')}), 0) ` +
    `AS ${id('overall_conversion')} FROM ${id('valued')} AS ${id('v')} ORDER BY ${v('stage_order')}`;
  return (
    `WITH ${id('grouped')} AS (${grouped}), ${id('counts')} AS (${counts}), ${id('valued')} AS (${withValue}) ` + select
  );
}
