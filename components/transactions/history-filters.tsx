import type { HistoryQuery } from '@/lib/validations/history';

const INPUT =
  'mt-1 block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm';

/** A plain GET form: the filters live in the URL, so a view can be shared and bookmarked. */
export function HistoryFilters({ query, networks }: { query: HistoryQuery; networks: string[] }) {
  return (
    <form method="get" className="grid grid-cols-2 gap-2 sm:grid-cols-6" role="search">
      <label className="col-span-2 text-sm sm:col-span-2">
        Number or reference
        <input name="q" defaultValue={query.q ?? ''} inputMode="search" className={INPUT} />
      </label>
      <label className="text-sm">
        Status
        <select name="status" defaultValue={query.status ?? ''} className={INPUT}>
          <option value="">All</option>
          <option value="pending">Pending</option>
          <option value="success">Successful</option>
          <option value="failed">Failed / refunded</option>
          <option value="review">Under review</option>
        </select>
      </label>
      <label className="text-sm">
        Network
        <select name="network" defaultValue={query.network ?? ''} className={INPUT}>
          <option value="">All</option>
          {networks.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        From
        <input type="date" name="from" defaultValue={query.from ?? ''} className={INPUT} />
      </label>
      <label className="text-sm">
        To
        <input type="date" name="to" defaultValue={query.to ?? ''} className={INPUT} />
      </label>
      <button
        type="submit"
        className="col-span-2 min-h-11 rounded-lg bg-slate-800 px-4 text-sm font-semibold text-white sm:col-span-1"
      >
        Filter
      </button>
    </form>
  );
}
