import type { SeriesPoint } from '@/lib/admin/dashboard';
import { lagosHourLabel } from '@/lib/time/lagos';

const COLORS = ['#1d5fd1', '#b45309', '#047857', '#7c3aed', '#be123c'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2'];

/** Inline SVG lines, one per provider: no chart library. Each line also differs by dash, and a table carries the numbers. */
export function SalesChart({
  buckets,
  series,
}: {
  buckets: number[];
  series: Record<string, SeriesPoint[]>;
}) {
  const providers = Object.keys(series).sort();
  const width = 640;
  const height = 200;
  const pad = { left: 32, right: 8, top: 8, bottom: 24 };
  const max = Math.max(1, ...providers.flatMap((p) => series[p]!.map((s) => s.count)));
  const x = (i: number) =>
    pad.left + (i * (width - pad.left - pad.right)) / Math.max(1, buckets.length - 1);
  const y = (n: number) => pad.top + (height - pad.top - pad.bottom) * (1 - n / max);
  if (providers.length === 0)
    return <p className="text-slate-600">No sales in the last {buckets.length} hours.</p>;
  return (
    <figure>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
        role="img"
        aria-label={`Sales per hour per provider, last ${buckets.length} hours`}
      >
        <line x1={pad.left} y1={y(0)} x2={width - pad.right} y2={y(0)} stroke="#cbd5e1" />
        <line x1={pad.left} y1={y(max)} x2={width - pad.right} y2={y(max)} stroke="#e2e8f0" />
        <text x={pad.left - 4} y={y(max) + 4} fontSize="10" textAnchor="end" fill="#475569">
          {max}
        </text>
        <text x={pad.left - 4} y={y(0) + 4} fontSize="10" textAnchor="end" fill="#475569">
          0
        </text>
        {buckets.map((b, i) =>
          i % 3 === 0 ? (
            <text key={b} x={x(i)} y={height - 6} fontSize="10" textAnchor="middle" fill="#475569">
              {lagosHourLabel(b)}h
            </text>
          ) : null,
        )}
        {providers.map((p, k) => (
          <polyline
            key={p}
            fill="none"
            stroke={COLORS[k % COLORS.length]}
            strokeWidth="2"
            strokeDasharray={DASHES[k % DASHES.length]}
            points={series[p]!.map((s, i) => `${x(i)},${y(s.count)}`).join(' ')}
          />
        ))}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-3 text-xs">
        {providers.map((p, k) => (
          <span key={p} className="inline-flex items-center gap-1">
            <svg width="24" height="8" aria-hidden>
              <line
                x1="0"
                y1="4"
                x2="24"
                y2="4"
                stroke={COLORS[k % COLORS.length]}
                strokeWidth="2"
                strokeDasharray={DASHES[k % DASHES.length]}
              />
            </svg>
            {p}: {series[p]!.reduce((sum, s) => sum + s.count, 0)} sales
          </span>
        ))}
        <span className="text-slate-500">Hours in Lagos time.</span>
      </figcaption>
    </figure>
  );
}
