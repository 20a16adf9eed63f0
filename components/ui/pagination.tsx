import Link from 'next/link';

/** Keeps the other filters in the URL so a view can be shared. */
export function Pagination({
  page,
  pageSize,
  total,
  basePath,
  params,
}: {
  page: number;
  pageSize: number;
  total: number;
  basePath: string;
  params: Record<string, string | undefined>;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
    query.set('page', String(p));
    return `${basePath}?${query.toString()}`;
  };
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
      <span className="text-slate-600">
        Page {page} of {pages} · {total} rows
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className="rounded-lg border border-slate-300 px-3 py-2" href={href(page - 1)}>
            Previous
          </Link>
        ) : null}
        {page < pages ? (
          <Link className="rounded-lg border border-slate-300 px-3 py-2" href={href(page + 1)}>
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
