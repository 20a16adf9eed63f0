import { formatMoney, type Currency } from '@/lib/money';

interface Day {
  day: string;
  count: number;
  valueMinor: number;
  commissionMinor: number;
}

const WIDTH = 320;
const HEIGHT = 120;
const PAD_BOTTOM = 16;

/**
 * Sales value per day this month as inline SVG bars (no chart library): the darker cap of each bar
 * is the commission earned. Each bar carries a <title> and the whole chart a text summary.
 */
export function DailyChart({ days, currency }: { days: Day[]; currency: Currency }) {
  const max = Math.max(1, ...days.map((d) => d.valueMinor));
  const slot = WIDTH / Math.max(days.length, 1);
  const barWidth = Math.max(2, slot * 0.7);
  const plot = HEIGHT - PAD_BOTTOM;
  const total = days.reduce((sum, d) => sum + d.valueMinor, 0);
  const best = days.reduce<Day | null>(
    (top, d) => (d.valueMinor > (top?.valueMinor ?? 0) ? d : top),
    null,
  );
  const summary = best
    ? `Sales per day this month, ${formatMoney(total, currency)} in all; best day ${best.day} with ${formatMoney(best.valueMinor, currency)}.`
    : 'No sales this month yet.';
  return (
    <figure className="mt-2">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-32 w-full"
        role="img"
        aria-label={summary}
        data-testid={`earnings-chart-${currency}`}
      >
        <line x1={0} x2={WIDTH} y1={plot} y2={plot} stroke="#cbd5e1" strokeWidth={1} />
        {days.map((d, i) => {
          const h = (d.valueMinor / max) * (plot - 4);
          const c = d.valueMinor ? Math.max(1, (d.commissionMinor / max) * (plot - 4)) : 0;
          const x = i * slot + (slot - barWidth) / 2;
          return (
            <g key={d.day}>
              <title>{`${d.day}: ${d.count} sales, ${formatMoney(d.valueMinor, currency)}, commission ${formatMoney(d.commissionMinor, currency)}`}</title>
              <rect x={x} y={plot - h} width={barWidth} height={h} rx={1} fill="#93b8ef" />
              <rect
                x={x}
                y={plot - h}
                width={barWidth}
                height={Math.min(c, h)}
                rx={1}
                fill="#1d5fd1"
              />
            </g>
          );
        })}
        {days.length > 0 ? (
          <>
            <text x={0} y={HEIGHT - 2} fontSize={9} fill="#475569">
              {days[0]?.day.slice(8)}
            </text>
            <text x={WIDTH} y={HEIGHT - 2} fontSize={9} fill="#475569" textAnchor="end">
              {days[days.length - 1]?.day.slice(8)}
            </text>
          </>
        ) : null}
      </svg>
      <figcaption className="text-xs text-slate-600">
        <span aria-hidden className="mr-1 inline-block h-2 w-3 bg-[#93b8ef]" />
        Sales value per day
        <span aria-hidden className="ml-3 mr-1 inline-block h-2 w-3 bg-accent-600" />
        of which your commission
      </figcaption>
    </figure>
  );
}
