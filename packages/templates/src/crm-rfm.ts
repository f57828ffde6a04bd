import type { Tier } from './crm-options';

/** What RFM scoring reads from a customer (R from the last deal, F = deals, M = lifetime value). */
export interface RfmInput {
  /** Days since the last deal; null when the customer never bought. */
  daysSinceLastDeal: number | null;
  dealCount: number;
  lifetimeValue: number;
}

export interface RfmScore {
  r: number;
  f: number;
  m: number;
  tier: Tier;
}

/**
 * 1–5 scores on fixed thresholds (B2B deal sizes in CNY) and the tier (seed 000: 高价值 / 高潜力 / 普通 / 待激活).
 * The nightly flow evaluates RFM_EXPRESSION, the jsonata twin of this function; a unit test keeps them equal.
 */
export function rfmScore(input: RfmInput): RfmScore {
  const days = input.daysSinceLastDeal ?? 9999;
  const r = days <= 30 ? 5 : days <= 90 ? 4 : days <= 180 ? 3 : days <= 365 ? 2 : 1;
  const n = input.dealCount;
  const f = n >= 5 ? 5 : n >= 3 ? 4 : n === 2 ? 3 : n === 1 ? 2 : 1;
  const v = input.lifetimeValue;
  const m = v >= 1_000_000 ? 5 : v >= 500_000 ? 4 : v >= 200_000 ? 3 : v > 0 ? 2 : 1;
  return { r, f, m, tier: tierOf(r, f, m) };
}

/** High value: big spenders active within a year; high potential: recent or frequent buyers; normal: bought
 * within a year; to activate: never bought, or dormant for more than a year. */
function tierOf(r: number, f: number, m: number): Tier {
  if ((m >= 4 && r >= 2) || (m >= 3 && f >= 3 && r >= 3)) return 'high_value';
  if (r >= 4 || (f >= 3 && r >= 3)) return 'high_potential';
  if (r >= 2) return 'normal';
  return 'to_activate';
}

/**
 * jsonata over the flow data: `vars.c` is one customer row (last_deal_on, deal_count, lifetime_value), `$today`
 * may be bound by the caller, otherwise the UTC date of `$now()` is used. Returns {r, f, m, tier}.
 */
export const RFM_EXPRESSION = `(
  $c := vars.c;
  $day := $today ? $today : $substring($now(), 0, 10);
  $days := $c.last_deal_on ? $round(($toMillis($day) - $toMillis($substring($string($c.last_deal_on), 0, 10))) / 86400000) : 9999;
  $r := $days <= 30 ? 5 : $days <= 90 ? 4 : $days <= 180 ? 3 : $days <= 365 ? 2 : 1;
  $n := $c.deal_count ? $number($c.deal_count) : 0;
  $f := $n >= 5 ? 5 : $n >= 3 ? 4 : $n = 2 ? 3 : $n = 1 ? 2 : 1;
  $v := $c.lifetime_value ? $number($c.lifetime_value) : 0;
  $m := $v >= 1000000 ? 5 : $v >= 500000 ? 4 : $v >= 200000 ? 3 : $v > 0 ? 2 : 1;
  $tier := (($m >= 4 and $r >= 2) or ($m >= 3 and $f >= 3 and $r >= 3)) ? "high_value" : ($r >= 4 or ($f >= 3 and $r >= 3)) ? "high_potential" : $r >= 2 ? "normal" : "to_activate";
  {"r": $r, "f": $f, "m": $m, "tier": $tier}
)`;
