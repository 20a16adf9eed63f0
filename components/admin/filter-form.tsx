import { buttonClass } from '@/components/ui/button';

const INPUT = 'mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3';

export type FilterField =
  | { kind: 'text'; name: string; label: string; value?: string; placeholder?: string }
  | { kind: 'date'; name: string; label: string; value?: string }
  | {
      kind: 'select';
      name: string;
      label: string;
      value?: string;
      options: { value: string; label: string }[];
    };

/** A GET form: the filters live in the URL, so a view can be shared and bookmarked. */
export function FilterForm({
  fields,
  label,
  resetHref,
}: {
  fields: FilterField[];
  label: string;
  resetHref: string;
}) {
  return (
    <form
      method="get"
      role="search"
      aria-label={label}
      className="mb-4 grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap"
    >
      {fields.map((f) => (
        <label key={f.name} className="text-sm font-medium text-slate-700">
          {f.label}
          {f.kind === 'select' ? (
            <select name={f.name} defaultValue={f.value ?? ''} className={INPUT}>
              <option value="">Any</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              name={f.name}
              type={f.kind === 'date' ? 'date' : 'text'}
              defaultValue={f.value ?? ''}
              placeholder={f.kind === 'text' ? f.placeholder : undefined}
              className={INPUT}
            />
          )}
        </label>
      ))}
      <span className="col-span-2 flex gap-2">
        <button className={buttonClass('secondary')}>Filter</button>
        <a href={resetHref} className={buttonClass('ghost')}>
          Clear
        </a>
      </span>
    </form>
  );
}
